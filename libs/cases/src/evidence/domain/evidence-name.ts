import { MAX_EVIDENCE_NAME_LENGTH } from './evidence-policy';

/**
 * Extensions people give each kind of file, by the kind its content shows (the `ext` of
 * file-type). The first one is added when a name has none of them.
 */
const USUAL_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
  heic: ['heic', 'heif'],
  avif: ['avif'],
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  odp: ['odp'],
  cfb: ['doc', 'xls', 'ppt', 'msg'],
  mp3: ['mp3'],
  m4a: ['m4a', 'mp4', 'aac'],
  aac: ['aac', 'm4a'],
  ogg: ['ogg', 'oga', 'opus'],
  oga: ['oga', 'ogg', 'opus'],
  opus: ['opus', 'ogg', 'oga'],
  wav: ['wav'],
  amr: ['amr'],
  mp4: ['mp4', 'm4v'],
  m4v: ['m4v', 'mp4'],
  '3gp': ['3gp', '3gpp'],
  '3g2': ['3g2', '3gpp2'],
  mov: ['mov', 'qt'],
  webm: ['webm'],
};

const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/**
 * The name under which a file is shown and downloaded: its last extension always matches its
 * content. A wrong last extension is dropped (`photo.jpg.exe` holding a JPEG becomes
 * `photo.jpg`, a PDF named `invoice.html` becomes `invoice.pdf`), so a download can never be
 * opened by another program than the one its content is for. `name` is already sanitised.
 */
export function evidenceNameFor(name: string, contentExt: string): string {
  const usual = USUAL_EXTENSIONS[contentExt] ?? [contentExt];
  let stem = name;
  const given = EXTENSION.exec(stem)?.[1]?.toLowerCase();
  if (given !== undefined && usual.includes(given)) return name;
  if (given !== undefined && EXTENSION.exec(stem)!.index > 0) {
    stem = stem.slice(0, stem.length - given.length - 1);
    const inner = EXTENSION.exec(stem)?.[1]?.toLowerCase();
    if (inner !== undefined && usual.includes(inner)) return stem;
  }
  const suffix = `.${usual[0]}`;
  const room = MAX_EVIDENCE_NAME_LENGTH - suffix.length;
  const chars = [...stem.trim()];
  const kept = (chars.length > room ? chars.slice(0, room).join('') : stem).trim();
  return `${kept || 'evidence'}${suffix}`;
}
