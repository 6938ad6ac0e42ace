// Proofing over HTTP, inside the `/api/v1` context (a token or a newsroom session, like every
// API route): `POST /proof` checks a text; `/proof/words` is the newsroom's word list.
// Thin: validate, call the proofing service, present. Register with
// `api.register(proofRoutes, { proof })`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { presentIssues, presentWords } from './proof.presenter.js';
import { ProofIn, ProofOut, WordIn, WordParams, WordsOut } from './proof.schema.js';
import type { ProofService } from './proof.service.js';

const unavailableResponse = { 503: Type.Ref('ErrorOut') };

export const proofRoutes: FastifyPluginAsyncTypebox<{ proof: ProofService }> = (app, { proof }) => {
  app.post(
    '/proof',
    {
      schema: {
        tags: ['proofing'],
        security: [{ bearer: [] }],
        summary: 'Mark likely misspellings in a text, with suggestions',
        description:
          'Checks Arabic words against the Hunspell Arabic dictionary and rules for the slips live copy has (hamza forms, ة/ه, ى/ي, doubled or missing letters, a missing space). Words of the newsroom list, of the search alias table and, with `liveblog`, the names the page uses are never marked. Offsets are UTF-16 code units. Nothing is blocked by it. 503 `proofing_unavailable` when the dictionary is not installed.',
        body: ProofIn,
        response: { 200: ProofOut, ...errorResponses, ...unavailableResponse },
      },
    },
    async (request) => presentIssues(await proof.proof(request.actor, request.body)),
  );

  app.get(
    '/proof/words',
    {
      schema: {
        tags: ['proofing'],
        security: [{ bearer: [] }],
        summary: "The newsroom's own words, which proofing never marks",
        response: { 200: WordsOut, ...errorResponses },
      },
    },
    async (request) => presentWords(await proof.words(request.actor)),
  );

  app.post(
    '/proof/words',
    {
      schema: {
        tags: ['proofing'],
        security: [{ bearer: [] }],
        summary: 'Add a word to the newsroom list (editors)',
        body: WordIn,
        response: { 201: Type.Object({ added: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const added = await proof.addWord(request.actor, request.body.word);
      return reply.code(201).send({ added });
    },
  );

  app.delete(
    '/proof/words/:word',
    {
      schema: {
        tags: ['proofing'],
        security: [{ bearer: [] }],
        summary: 'Remove a word from the newsroom list (editors)',
        params: WordParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await proof.removeWord(request.actor, request.params.word);
      return reply.code(204).send(null);
    },
  );

  return Promise.resolve();
};
