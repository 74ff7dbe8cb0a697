import path from 'path';
import ExcelJS from 'exceljs';
import type supertest from 'supertest';
import { PARTICIPATION_UID } from '../src/participation/participation-types';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

/**
 * Anonymous means unlinkable, even by the super admin: a walk of every admin and Content API
 * route the server registers (GETs, with every content type and every id of the case in their
 * parameters), GraphQL and every export, as the super admin, a full-access token and the
 * sender's own session, after one staff member sent two anonymous opinions and a named one, and
 * another the same kind of anonymous opinion to the same organization. No value returned with
 * both anonymous opinions of one sender is missing from the other sender's (organization, kind
 * and the like are shared by all); no anonymous opinion carries anything of its sender; and the
 * sender's session never returns their anonymous opinions.
 */
const STAFF_PASSWORD = 'Demo-Staff-Pass1';
const app = bootTestAppForFile({
  SEED_DEMO_PARTICIPATION: 'true',
  DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Case = {
  anonymousOfSender: [string, string];
  namedOfSender: string;
  anonymousOfOther: string;
  senderIdentity: string[];
};

const signIn = async (identifier: string) => {
  const response = await app
    .http()
    .post('/api/auth/local')
    .send({ identifier, password: STAFF_PASSWORD });
  expect(response.status).toBe(200);
  return { Authorization: `Bearer ${response.body.jwt}` };
};

const sendOpinion = async (auth: Record<string, string>, title: string, anonymous: boolean) => {
  const response = await app
    .http()
    .post('/api/participation/opinions')
    .set(auth)
    .send({
      kind: 'problem',
      title,
      body: `${title}，详见现场。`,
      organization: 'locomotive-branch',
      anonymous,
      consentToPublish: true,
    });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

/** What a response holds, as JSON: the body, or a spreadsheet's rows (XLSX or CSV) as lists of cells. */
const contentOf = async (response: supertest.Response): Promise<Json> => {
  const type = String(response.headers['content-type'] ?? '');
  const body: unknown = response.body;
  if (type.includes('spreadsheetml') && Buffer.isBuffer(body)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body);
    const rows: Json[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        rows.push(
          (row.values as unknown[]).map((cell) =>
            cell === undefined || cell === null ? null : String(cell),
          ),
        ),
      ),
    );
    return rows;
  }
  const text = typeof body === 'string' ? body : response.text;
  if (type.includes('text/csv') && typeof text === 'string')
    return text.split(/\r?\n/).map((line) => line.split(','));
  return type.includes('json') &&
    body !== null &&
    typeof body === 'object' &&
    !Buffer.isBuffer(body)
    ? (body as Json)
    : null;
};

const scalarsOf = (value: Json, into: Set<string>): Set<string> => {
  if (value === null || typeof value !== 'object') {
    if (value !== null && value !== '') into.add(String(value));
    return into;
  }
  for (const child of Object.values(value)) scalarsOf(child, into);
  return into;
};

/** The nodes of a response that are about one of `ids`: an object or row holding the id as one of its own values. */
const nodesAbout = (
  value: Json,
  ids: Set<string>,
  found: Array<{ id: string; node: Json }> = [],
) => {
  if (value === null || typeof value !== 'object') return found;
  const own = Object.values(value).filter(
    (child) => typeof child === 'string' && ids.has(child),
  ) as string[];
  for (const id of new Set(own)) found.push({ id, node: value });
  for (const child of Object.values(value)) nodesAbout(child, ids, found);
  return found;
};

test('no route, export or GraphQL query links an anonymous opinion to its sender or to the sender’s other opinions', async () => {
  const sender = await signIn('JW1001');
  const other = await signIn('JW1002');
  const theCase: Case = {
    anonymousOfSender: [
      await sendOpinion(sender, '检修库照明不足', true),
      await sendOpinion(sender, '班组休息室漏雨', true),
    ],
    namedOfSender: await sendOpinion(sender, '建议增设洗衣机', false),
    anonymousOfOther: await sendOpinion(other, '宿舍热水不稳定', true),
    senderIdentity: [],
  };
  const member = await app.strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findOne({ where: { employeeNumber: 'JW1001' }, populate: ['account'] });
  theCase.senderIdentity = [
    member.documentId,
    member.employeeNumber,
    member.name,
    member.phone,
    member.email,
    member.account.documentId,
    member.account.username,
    member.account.email,
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);

  const ids = new Set([
    ...theCase.anonymousOfSender,
    theCase.namedOfSender,
    theCase.anonymousOfOther,
  ]);
  const valuesOf = new Map([...ids].map((id) => [id, new Set<string>()]));
  const seenBySender: string[] = [];
  let requests = 0;
  let answered = 0;

  const read = async (label: string, response: supertest.Response, asSender = false) => {
    requests += 1;
    expect([label, response.status < 500]).toEqual([label, true]);
    if (response.status !== 200) return;
    answered += 1;
    const content = await contentOf(response);
    for (const { id, node } of nodesAbout(content, ids)) scalarsOf(node, valuesOf.get(id)!);
    if (asSender)
      seenBySender.push(
        ...[...scalarsOf(content, new Set())].filter((value) =>
          theCase.anonymousOfSender.includes(value),
        ),
      );
  };

  // Every GET route the server registers, its parameters filled with every content type and every id of the case.
  const superAdmin = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.superAdmin)}` };
  const fullAccess = { Authorization: `Bearer ${await app.apiToken('full-access')}` };
  const uids = Object.keys(app.strapi.contentTypes);
  // The ids of the case, by the type they belong to; a type's route is asked with its own ids (and another type's, which must be a 404).
  const idsOf = new Map<string, string[]>([
    [PARTICIPATION_UID.opinion, [...ids]],
    [PARTICIPATION_UID.staffMember, [member.documentId, String(member.id)]],
    ['plugin::users-permissions.user', [member.account.documentId, String(member.account.id)]],
  ]);
  const everyId = [...idsOf.values()].flat();
  const STATIC = /^\/(admin\/:path\*|uploads\/|_health$|\(\(|$)|\/stream$/;
  const routes = [
    ...new Map(
      app.strapi.server
        .listRoutes()
        .filter((route) => route.methods.includes('GET') && !STATIC.test(route.path))
        .map((route) => [route.path, route]),
    ).values(),
  ];
  expect(routes.length).toBeGreaterThan(80);
  for (const route of routes) {
    const params: string[] = route.paramNames.map((param: { name: string }) => param.name);
    const typeParam = params.find((param) => /uid|model|contentType/i.test(param));
    const idParams = params.filter((param) => /id$/i.test(param));
    const fill = (path: string, param: string, value: string) =>
      path.replace(new RegExp(`:${param}\\b\\??`), encodeURIComponent(value));
    let paths = typeParam
      ? uids.flatMap((uid) =>
          (idParams.length > 0 ? (idsOf.get(uid) ?? [everyId[0]]) : ['']).map((id) =>
            idParams.reduce(
              (path, param) => fill(path, param, id),
              fill(route.path, typeParam, uid),
            ),
          ),
        )
      : idParams.length > 0
        ? everyId.map((id) => idParams.reduce((path, param) => fill(path, param, id), route.path))
        : [route.path];
    for (const param of params.filter((name) => name !== typeParam && !idParams.includes(name)))
      paths = paths.map((path) => fill(path, param, 'x'));
    // Lists are asked as they page, populate and filter; one item is asked as it is.
    const queries = /export/.test(route.path)
      ? [
          '?format=csv',
          '?format=xlsx',
          '?period=year&format=csv',
          '?period=year&scope=organization',
        ]
      : idParams.length > 0
        ? ['']
        : ['', '?pageSize=100&populate=*', '?state=open', '?state=answered'];
    for (const path of paths) {
      for (const query of queries) {
        if (path.startsWith('/api/')) {
          await read(
            `full-access GET ${path}${query}`,
            await app.http().get(`${path}${query}`).set(fullAccess),
          );
          await read(
            `sender GET ${path}${query}`,
            await app.http().get(`${path}${query}`).set(sender),
            true,
          );
        } else {
          await read(
            `super admin GET ${path}${query}`,
            await withBody(app.http().get(`${path}${query}`).set(superAdmin)),
          );
        }
      }
    }
  }

  // GraphQL: every query of the schema that needs no argument, with every scalar field, as the full-access token and the sender.
  type Ref = { kind: string; name: string | null; ofType: Ref | null };
  type Field = { name: string; type: Ref; args: Array<{ type: Ref }> };
  const introspection = await app.http().post('/graphql').set(fullAccess).send({
    query:
      '{ __schema { queryType { fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } types { name fields { name type { kind ofType { kind ofType { kind } } } } } } }',
  });
  const { queryType, types } = introspection.body.data.__schema as {
    queryType: { fields: Field[] };
    types: Array<{ name: string; fields: Array<{ name: string; type: Ref }> | null }>;
  };
  const namedType = (ref: Ref): string => ref.name ?? namedType(ref.ofType!);
  const isScalar = (ref: Ref): boolean =>
    ref.kind === 'SCALAR' ||
    ref.kind === 'ENUM' ||
    (ref.kind === 'NON_NULL' && ref.ofType !== null && isScalar(ref.ofType));
  let graphqlQueries = 0;
  for (const field of queryType.fields.filter((candidate) =>
    candidate.args.every((arg) => arg.type.kind !== 'NON_NULL'),
  )) {
    const fields =
      types.find((candidate) => candidate.name === namedType(field.type))?.fields ?? [];
    const selection = field.name.endsWith('_connection')
      ? 'nodes { documentId }'
      : fields
          .filter((inner) => isScalar(inner.type))
          .map((inner) => inner.name)
          .join(' ');
    for (const [headers, asSender] of [
      [fullAccess, false],
      [sender, true],
    ] as const) {
      await read(
        `GraphQL ${field.name}`,
        await app
          .http()
          .post('/graphql')
          .set(headers)
          .send({ query: `{ ${field.name} { ${selection} } }` }),
        asSender,
      );
    }
    graphqlQueries += 1;
  }
  expect(graphqlQueries).toBeGreaterThanOrEqual(14);

  // The walk reached the opinions: the handlers' list and the content manager show each of them.
  expect(answered).toBeGreaterThan(100);
  for (const id of ids) expect(valuesOf.get(id)!.size).toBeGreaterThan(3);

  const [first, second] = theCase.anonymousOfSender;
  const linking = [...valuesOf.get(first)!].filter(
    (value) =>
      valuesOf.get(second)!.has(value) && !valuesOf.get(theCase.anonymousOfOther)!.has(value),
  );
  expect({ valuesSharedOnlyByOneSendersAnonymousOpinions: linking }).toEqual({
    valuesSharedOnlyByOneSendersAnonymousOpinions: [],
  });
  for (const id of theCase.anonymousOfSender) {
    expect({
      id,
      senderValues: theCase.senderIdentity.filter((value) => valuesOf.get(id)!.has(value)),
    }).toEqual({ id, senderValues: [] });
  }
  // The named one is the sender's, and says so: the walk would have seen it.
  expect(
    theCase.senderIdentity.some((value) => valuesOf.get(theCase.namedOfSender)!.has(value)),
  ).toBe(true);
  expect({ anonymousOpinionsInTheSendersSession: seenBySender }).toEqual({
    anonymousOpinionsInTheSendersSession: [],
  });
  expect(requests).toBeGreaterThan(500);
}, 600_000);

/** The body as bytes for a spreadsheet, JSON parsed for JSON, text otherwise. */
const withBody = (request: supertest.Test) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer | string) =>
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)),
    );
    response.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const type = String(response.headers['content-type'] ?? '');
      if (type.includes('spreadsheetml')) return done(null, bytes);
      const text = bytes.toString('utf8');
      if (!type.includes('json')) return done(null, text);
      try {
        return done(null, JSON.parse(text));
      } catch {
        return done(null, text);
      }
    });
  });

test('the migration wipes the sender keys anonymous opinions had, and any sender link of theirs; named opinions keep theirs', async () => {
  const knex = app.strapi.db.connection;
  const sender = await signIn('JW1002');
  const anonymous = await sendOpinion(sender, '迁移前的匿名意见', true);
  const named = await sendOpinion(sender, '迁移前的实名意见', false);
  const rowOf = async (documentId: string) =>
    knex('participation_opinions').where({ document_id: documentId }).first();
  const member = await app.strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findOne({ where: { employeeNumber: 'JW1002' } });
  // As the earlier version left them: a keyed hash of the sender on the anonymous row (and, say, a link).
  await knex.schema.alterTable('participation_opinions', (table) => table.string('sender_key', 64));
  try {
    await knex('participation_opinions')
      .where({ id: (await rowOf(anonymous)).id })
      .update({ sender_key: 'f'.repeat(64) });
    await knex('participation_opinions_sender_lnk').insert({
      opinion_id: (await rowOf(anonymous)).id,
      staff_member_id: member.id,
    });

    const migration = require(
      path.join(process.cwd(), 'database/migrations/2026.12.07T00.00.00.opinion-sender-keys.js'),
    );
    await migration.up(knex);

    expect(
      Number(
        (await knex('participation_opinions').whereNotNull('sender_key').count({ count: '*' }))[0]
          .count,
      ),
    ).toBe(0);
    const links = await knex('participation_opinions_sender_lnk')
      .whereIn('opinion_id', [(await rowOf(anonymous)).id, (await rowOf(named)).id])
      .select('opinion_id');
    expect(links.map((link: { opinion_id: number }) => link.opinion_id)).toEqual([
      (await rowOf(named)).id,
    ]);
  } finally {
    await knex.schema.alterTable('participation_opinions', (table) =>
      table.dropColumn('sender_key'),
    );
  }
});
