import Nano from 'nano';
import { relayUrlProblem } from '../domain/sync/relay';

/**
 * The relay server as this app uses it: one CouchDB database, reached through Apache's own
 * client (nano) with HTTP Basic credentials, over TLS unless the server is this computer.
 * Only CouchDB's replication primitives: `_bulk_docs` to add documents (never to change one),
 * `_changes` since a checkpoint to read what is new, and one attachment per soft file.
 * Every request has a time limit, and the round that made it can abort it.
 */

export interface RelayTarget {
  url: string;
  database: string;
  username: string;
  password: string;
}

/**
 * `luring`: no answer (no network, server down, timeout); `ditolak`: the server answered no
 * (credentials, rights, missing database); `server`: any other answer it should not give.
 */
export class RelayError extends Error {
  constructor(
    readonly kind: 'luring' | 'ditolak' | 'server',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export interface ChangeRow {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

export interface ChangesPage {
  results: ChangeRow[];
  last_seq: string | number;
}

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; error: string; reason: string };

/** What nano's request takes (its typings list fewer of the options its code reads). */
interface Request {
  path?: string;
  doc?: string;
  att?: string;
  method?: 'GET' | 'POST' | 'PUT';
  qs?: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  dontStringify?: boolean;
  dontParse?: boolean;
  encoding?: null;
}

export class CouchRelay {
  private readonly server: Nano.ServerScope;

  constructor(
    readonly target: RelayTarget,
    private readonly opts: { timeoutMs?: number; signal?: AbortSignal } = {},
  ) {
    const problem = relayUrlProblem(target.url);
    if (problem) throw new RelayError('ditolak', problem);
    // Credentials in a header, never in the URL: nano's logs and errors then never hold them.
    const auth = `Basic ${Buffer.from(`${target.username}:${target.password}`, 'utf8').toString('base64')}`;
    this.server = Nano({ url: target.url, headers: { Authorization: auth } });
  }

  /** Where the relay is, for people: host and database, never credentials. */
  get label(): string {
    return `${new URL(this.target.url).host}/${this.target.database}`;
  }

  private async request<T>(req: Request): Promise<T> {
    const signals = [AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)];
    if (this.opts.signal) signals.push(this.opts.signal);
    try {
      const options = { ...req, db: this.target.database, signal: AbortSignal.any(signals) };
      return (await this.server.request(options as unknown as Nano.RequestOptions)) as T;
    } catch (e) {
      throw this.explain(e);
    }
  }

  private explain(e: unknown): RelayError {
    const err = e as { statusCode?: number; error?: string; reason?: string; message?: string };
    if (!err.statusCode) return new RelayError('luring', 'Server relay tidak dapat dihubungi.');
    const status = err.statusCode;
    if (status === 401) return new RelayError('ditolak', 'Server relay menolak nama pengguna atau kata sandi laptop ini.', status);
    if (status === 403) return new RelayError('ditolak', `Server relay tidak mengizinkan laptop ini (${err.reason ?? 'forbidden'}). Minta admin TI memeriksa hak pengguna relay.`, status);
    if (status >= 500) return new RelayError('luring', `Server relay sedang bermasalah (kode ${status}).`, status);
    return new RelayError('server', `Server relay menjawab dengan galat ${status}: ${err.reason ?? err.error ?? err.message ?? ''}`.trim(), status);
  }

  /** The database answers and this laptop may read it. */
  async check(): Promise<void> {
    try {
      await this.request({ path: '' });
    } catch (e) {
      if (e instanceof RelayError && e.status === 404) {
        throw new RelayError('ditolak', `Basis data "${this.target.database}" tidak ada di server relay. Minta admin TI membuatnya (lihat docs/relay.md).`, 404);
      }
      throw e;
    }
  }

  /**
   * New documents only. One that exists already comes back refused — `conflict` from CouchDB,
   * `forbidden` from a server whose validate_doc_update runs first (pouchdb-server) — which for
   * an immutable document means "already there": see `existing`.
   */
  async bulkInsert(docs: Record<string, unknown>[]): Promise<BulkResult[]> {
    const rows = await this.request<{ id: string; ok?: boolean; rev?: string; error?: string; reason?: string }[]>({ path: '_bulk_docs', method: 'POST', body: { docs } });
    if (!Array.isArray(rows)) throw new RelayError('server', 'Jawaban server relay atas pengiriman tidak terbaca.');
    return rows.map((r) => (r.ok || (r.rev && !r.error) ? { id: r.id, ok: true } : { id: r.id, ok: false, error: r.error ?? 'unknown', reason: r.reason ?? '' }));
  }

  /** Which of these documents the relay holds (not deleted). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const page = await this.request<{ rows?: { key: string; value?: { rev?: string; deleted?: boolean } }[] }>({ path: '_all_docs', method: 'POST', body: { keys: ids } });
    return new Set((page.rows ?? []).filter((r) => r.value?.rev && !r.value.deleted).map((r) => r.key));
  }

  /** A `_local` document (never replicated, never in `_changes`); null when absent. */
  async getLocal(id: string): Promise<(Record<string, unknown> & { _rev?: string }) | null> {
    try {
      return await this.request<Record<string, unknown>>({ doc: `_local/${id}` });
    } catch (e) {
      if (e instanceof RelayError && e.status === 404) return null;
      throw e;
    }
  }

  /** Its new revision. */
  async putLocal(id: string, body: Record<string, unknown>): Promise<string | null> {
    const r = await this.request<{ rev?: string }>({ doc: `_local/${id}`, method: 'PUT', body });
    return r?.rev ?? null;
  }

  async changes(since: string | number | null, limit: number): Promise<ChangesPage> {
    const qs: Record<string, unknown> = { include_docs: true, limit, style: 'main_only' };
    if (since !== null) qs.since = since;
    const page = await this.request<ChangesPage>({ path: '_changes', qs });
    if (!page || !Array.isArray(page.results)) throw new RelayError('server', 'Daftar perubahan dari server relay tidak terbaca.');
    return page;
  }

  /** The bytes as one attachment (`data`) of a new document; false when the document exists already. */
  async putFile(docId: string, bytes: Uint8Array): Promise<boolean> {
    try {
      await this.request({ doc: docId, att: 'data', method: 'PUT', body: Buffer.from(bytes), contentType: 'application/octet-stream', dontStringify: true });
      return true;
    } catch (e) {
      // There already (409 from CouchDB, 403 from a validate_doc_update that runs first): the same id is the same bytes.
      if (e instanceof RelayError && (e.status === 409 || e.status === 403) && (await this.existing([docId])).has(docId)) return false;
      throw e;
    }
  }

  /** A file document's bytes; null when the relay does not have it (yet). */
  async getFile(docId: string): Promise<Buffer | null> {
    try {
      const body = await this.request<unknown>({ doc: docId, att: 'data', encoding: null, dontParse: true });
      return Buffer.isBuffer(body) ? body : Buffer.from(body as string, 'binary');
    } catch (e) {
      if (e instanceof RelayError && e.status === 404) return null;
      throw e;
    }
  }
}
