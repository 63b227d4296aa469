/**
 * The H5 build as static files, compressed (issue 12, speed): a friend's first visit downloads the
 * app's JavaScript, ~400 KB as built. Text files go out as Brotli or gzip, whichever the browser
 * accepts (Brotli first), each compressed once per file version and kept in memory; everything else,
 * and a browser that accepts neither, gets the file as it is.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt'])
/** Smaller than this, compression saves less than the header it costs. */
const MIN_BYTES = 1024

type Coding = 'br' | 'gzip'
interface Packed { version: string; body: Partial<Record<Coding, Buffer>> }
const packed = new Map<string, Packed>()

/** The coding this request accepts that we prefer, or null (q=0 refuses a coding). */
export function acceptedCoding(header: string | string[] | undefined): Coding | null {
  const offered = new Map<string, number>()
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name) offered.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (c: string) => (offered.get(c) ?? offered.get('*') ?? 0) > 0
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null
}

function compressed(file: string, version: string, coding: Coding): Buffer {
  let entry = packed.get(file)
  if (!entry || entry.version !== version) {
    entry = { version, body: {} }
    packed.set(file, entry)
  }
  const raw = () => readFileSync(file)
  return (entry.body[coding] ??= coding === 'br'
    ? brotliCompressSync(raw(), { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
    : gzipSync(raw(), { level: 9 }))
}

export function serveStatic(req: IncomingMessage, pathname: string, res: ServerResponse, staticDir?: string): void {
  if (!staticDir || !existsSync(staticDir)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('The H5 app is not built yet: run `npm run build:h5` (npm start does this for you).')
    return
  }
  const root = resolve(staticDir)
  let file = resolve(join(root, normalize(decodeURIComponent(pathname))))
  if (!file.startsWith(root)) file = join(root, 'index.html')
  let st = statSync(file, { throwIfNoEntry: false })
  if (!st || st.isDirectory()) {
    file = join(root, 'index.html')
    st = statSync(file, { throwIfNoEntry: false })
  }
  const ext = extname(file)
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
  }
  try {
    const coding = st && COMPRESSIBLE.has(ext) && st.size >= MIN_BYTES ? acceptedCoding(req.headers['accept-encoding']) : null
    if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding'
    if (st && coding) {
      const body = compressed(file, `${st.mtimeMs}:${st.size}`, coding)
      res.writeHead(200, { ...headers, 'content-encoding': coding, 'content-length': String(body.length) })
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
  } catch {
    // Removed by a rebuild since the stat: fall through to the stream, which ends the response.
  }
  res.writeHead(200, headers)
  // A file removed by a rebuild between the check and the read must not leave the request hanging.
  createReadStream(file).on('error', () => res.end()).pipe(res)
}
