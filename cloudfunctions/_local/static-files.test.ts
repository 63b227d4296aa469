import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { acceptedCoding, serveStatic } from './static-files'

const dir = mkdtempSync(join(tmpdir(), 'yayou-static-'))
const js = `console.log(${JSON.stringify('牙友 '.repeat(4000))})\n`
writeFileSync(join(dir, 'app.js'), js)
writeFileSync(join(dir, 'index.html'), '<!doctype html><p>hi</p>')
writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 7))
let server: Server
let port = 0

beforeAll(async () => {
  server = createServer((req, res) => serveStatic(req, new URL(req.url ?? '/', 'http://x').pathname, res, dir))
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((ok) => server.close(ok))
  rmSync(dir, { recursive: true, force: true })
})

function get(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, bad) => {
    const req = request({ port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', bad)
    req.end()
  })
}

describe('static files (issue 12: a first visit downloads less)', () => {
  test('Brotli when the browser accepts it, and it unpacks to the file', async () => {
    const r = await get('/app.js', 'gzip, deflate, br')
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(r.body.length).toBeLessThan(Buffer.byteLength(js) / 5)
    expect(brotliDecompressSync(r.body).toString()).toBe(js)
  })

  test('gzip when that is all it accepts; the file as it is when it accepts neither', async () => {
    const gz = await get('/app.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(js)
    const plain = await get('/app.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(js)
  })

  test('images and tiny files are not compressed', async () => {
    expect((await get('/logo.png', 'br')).headers['content-encoding']).toBeUndefined()
    expect((await get('/index.html', 'br')).headers['content-encoding']).toBeUndefined()
  })

  test('Accept-Encoding is read as RFC 9110 says: q=0 refuses, * stands for the rest', () => {
    expect(acceptedCoding('br;q=0, gzip')).toBe('gzip')
    expect(acceptedCoding('*')).toBe('br')
    expect(acceptedCoding('*;q=0')).toBeNull()
    expect(acceptedCoding('identity')).toBeNull()
    expect(acceptedCoding(undefined)).toBeNull()
    expect(acceptedCoding('GZIP;q=0.5')).toBe('gzip')
  })
})
