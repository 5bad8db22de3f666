/** Builds DNS messages byte by byte for the decoder tests and the fake servers. */

/** Uncompressed wire form of a name. */
export function wireName(name: string): Buffer {
  const parts = name === '.' || name === '' ? [] : name.replace(/\.$/, '').split('.');
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'latin1')])), Buffer.from([0])]);
}

export interface RR {
  name: string | Buffer;
  type: number;
  ttl?: number;
  cls?: number;
  data: Buffer;
}

export interface Msg {
  id?: number;
  flags?: number;
  question?: Array<{ name: string | Buffer; type: number; cls?: number }>;
  answer?: RR[];
  authority?: RR[];
  additional?: RR[];
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function rr(r: RR): Buffer {
  const head = Buffer.alloc(10);
  head.writeUInt16BE(r.type, 0);
  head.writeUInt16BE(r.cls ?? 1, 2);
  head.writeUInt32BE(r.ttl ?? 300, 4);
  head.writeUInt16BE(r.data.length, 8);
  return Buffer.concat([typeof r.name === 'string' ? wireName(r.name) : r.name, head, r.data]);
}

/** A message with the given sections (default flags: response, RD, RA, NOERROR). */
export function message(m: Msg): Buffer {
  const q = m.question ?? [];
  const an = m.answer ?? [];
  const ns = m.authority ?? [];
  const ar = m.additional ?? [];
  return Buffer.concat([
    u16(m.id ?? 0x1234),
    u16(m.flags ?? 0x8180),
    u16(q.length),
    u16(an.length),
    u16(ns.length),
    u16(ar.length),
    ...q.map((x) => Buffer.concat([typeof x.name === 'string' ? wireName(x.name) : x.name, u16(x.type), u16(x.cls ?? 1)])),
    ...an.map(rr),
    ...ns.map(rr),
    ...ar.map(rr),
  ]);
}

export const bytes = (...v: number[]): Buffer => Buffer.from(v);
export { u16 };
