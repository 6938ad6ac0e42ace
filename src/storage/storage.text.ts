// The text normaliser at the depth where every path meets: each string a query sends to the
// database (inserted, updated or compared) passes through it. Columns that hold a name, a single
// line or JSON get their own kind; every other string is multi-line text. So NUL and the other
// controls never reach either engine (PostgreSQL would refuse NUL with an error; SQLite would keep
// it), and both store the same thing.
import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  type ColumnUpdateNode,
  type InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import { normalise, normaliseDeep, type TextKind } from '../lib/text.normalise.js';
import type { Database } from './storage.schema.js';

type ColumnKind = TextKind | 'json';

/** What each text column holds, where it is not plain multi-line text (camelCase names). */
export const COLUMN_KINDS: { [T in keyof Database]?: { [C in keyof Database[T]]?: ColumnKind } } = {
  liveblogs: { headline: 'line', standfirst: 'line', dateStyle: 'json' },
  explainerSections: { title: 'line', body: 'json' },
  updates: {
    headline: 'line',
    body: 'json',
    sources: 'json',
    authorName: 'name',
    corrections: 'json',
    byline: 'name',
    contributors: 'json',
  },
  liveblogSummaries: { editorName: 'name' },
  updateRevisions: {
    headline: 'line',
    body: 'json',
    sources: 'json',
    flags: 'json',
    editorName: 'name',
    byline: 'name',
    contributors: 'json',
  },
  events: { payload: 'json' },
  auditLog: { actorName: 'name', before: 'json', after: 'json' },
  apiTokens: { name: 'name', ownerDesk: 'name' },
  users: { email: 'line', displayName: 'name' },
  comments: { name: 'name', email: 'line' },
  photos: { alt: 'line', caption: 'line', credit: 'line', sizes: 'json' },
  wireItems: { agency: 'name', headline: 'line' },
};

/** One value for a column of the given kind; anything but a string is left as it is. */
export function normaliseStored(value: unknown, kind: ColumnKind = 'text'): unknown {
  if (typeof value !== 'string') return value;
  if (kind !== 'json') return normalise(value, kind);
  try {
    return JSON.stringify(normaliseDeep(JSON.parse(value) as unknown));
  } catch {
    return normalise(value, 'text');
  }
}

function nameOf(node: OperationNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'TableNode':
      return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
    case 'ColumnNode':
      return (node as unknown as { column: { name: string } }).column.name;
    case 'AliasNode':
      return nameOf((node as unknown as { node: OperationNode }).node);
    default:
      return undefined;
  }
}

function kindOf(table: string | undefined, column: string | undefined): ColumnKind {
  if (table === undefined || column === undefined) return 'text';
  const kinds = (COLUMN_KINDS as Record<string, Record<string, ColumnKind> | undefined>)[table];
  return kinds?.[column] ?? 'text';
}

function withKind(node: OperationNode, kind: ColumnKind): OperationNode {
  if (!ValueNode.is(node) || typeof node.value !== 'string') return node;
  return { ...node, value: normaliseStored(node.value, kind) } as ValueNode;
}

class TextTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === 'string'
      ? super.transformValue({ ...node, value: normaliseStored(node.value) })
      : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return super.transformPrimitiveValueList(
      PrimitiveValueListNode.create(node.values.map((value) => normaliseStored(value))),
    );
  }

  private columnUpdates(
    table: string | undefined,
    updates: readonly ColumnUpdateNode[] | undefined,
  ): readonly ColumnUpdateNode[] | undefined {
    return updates?.map((update) => ({
      ...update,
      value: withKind(update.value, kindOf(table, nameOf(update.column))),
    }));
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const table = nameOf(node.into);
    const kinds = (node.columns ?? []).map((column) => kindOf(table, nameOf(column)));
    const onConflict = node.onConflict && {
      ...node.onConflict,
      updates: this.columnUpdates(table, node.onConflict.updates),
    };
    if (node.values === undefined || !ValuesNode.is(node.values)) {
      return super.transformInsertQuery({ ...node, ...(onConflict && { onConflict }) });
    }
    // Each row is normalised once, by the kind of its column; what is not a plain value (an
    // expression) goes through the general pass.
    const values = ValuesNode.create(
      node.values.values.map((row) =>
        PrimitiveValueListNode.is(row)
          ? PrimitiveValueListNode.create(
              row.values.map((value, i) => normaliseStored(value, kinds[i])),
            )
          : ValueListNode.create(
              row.values.map((value, i) =>
                ValueNode.is(value)
                  ? withKind(value, kinds[i] ?? 'text')
                  : this.transformNode(value),
              ),
            ),
      ),
    );
    const rest = super.transformInsertQuery({
      ...node,
      values: undefined,
      ...(onConflict && { onConflict }),
    });
    return { ...rest, values };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const updates = this.columnUpdates(nameOf(node.table), node.updates);
    return super.transformUpdateQuery({
      ...node,
      ...(updates && { updates }),
    });
  }
}

/** Put it before the CamelCasePlugin: it reads the camelCase names of storage.schema.ts. */
export class TextNormalisePlugin implements KyselyPlugin {
  readonly #transformer = new TextTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
