// The outward shape of a wire item: the inbox entry as the API gives it.
import type { WireEntry } from './wire.service.js';
import type { WireItemOut } from './wire.schema.js';

export function presentWireEntry({ item, embargoed, expired, drafts }: WireEntry): WireItemOut {
  return {
    id: item.id,
    guid: item.guid,
    version: item.version,
    versionCreated: item.versionCreated.toISOString(),
    format: item.format,
    agency: item.agency,
    language: item.language,
    headline: item.headline,
    text: item.body,
    link: item.link,
    embargoUntil: item.embargoUntil?.toISOString() ?? null,
    embargoed,
    expiresAt: item.expiresAt?.toISOString() ?? null,
    expired,
    pubStatus: item.pubStatus,
    urgency: item.urgency,
    receivedAt: item.receivedAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    drafts,
  };
}
