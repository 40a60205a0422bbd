import pg from 'pg'
import { corpusMigrations, sqlMigration } from '../../test/corpus'
import { createServerEngine, type ServerEngine } from './server-engine'

// Needs a real PostgreSQL server: `.ci/run` starts one with test/start-postgres.sh and
// exports TEST_DATABASE_URL. Without it these tests do not run, and say so.
const url = process.env.TEST_DATABASE_URL
const NOT_RUN = 'server engine tests NOT RUN: TEST_DATABASE_URL is not set (start a server with packages/migrations/test/start-postgres.sh and export its URL)'

function describeWithServer(name: string, body: () => void): void {
  if (url) {
    describe(name, body)
    return
  }
  console.warn(NOT_RUN)
  // A todo shows in Jest's summary as not run, never as passed.
  describe(name, () => test.todo(NOT_RUN))
}

describeWithServer('server engine against a real PostgreSQL', () => {
  let engine: ServerEngine

  beforeAll(async () => {
    engine = createServerEngine(url ?? '', { supabase: true })
    await engine.start()
  })

  afterAll(async () => {
    await engine?.close()
  })

  test('the Supabase corpus applies cleanly in a throwaway database', async () => {
    expect(engine.database).toMatch(/^change_policy_/)
    for (const migration of await corpusMigrations()) {
      const result = await engine.apply(migration)
      expect(result.failure).toBeUndefined()
    }
    expect(await engine.query('select count(*)::int as n from cron.job')).toEqual([{ n: 2 }])
  })

  test('a statement on a missing table fails with file, line, column and SQLSTATE', async () => {
    const result = await engine.apply(await sqlMigration('supabase/migrations/20240201000000_bad.sql', 'select 1;\n  update nowhere set a = 1 where true;'))
    expect(result.failure).toMatchObject({ file: 'supabase/migrations/20240201000000_bad.sql', line: 2, column: 10, sqlstate: '42P01' })
  })

  test('closing drops the throwaway database', async () => {
    const other = createServerEngine(url ?? '', { supabase: false })
    await other.start()
    const name = other.database
    await other.close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query('select count(*)::int as n from pg_database where datname = $1', [name])
      expect(rows).toEqual([{ n: 0 }])
    } finally {
      await client.end()
    }
  })
})
