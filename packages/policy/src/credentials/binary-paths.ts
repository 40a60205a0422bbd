// Files whose content is not text, known by their extension. GitHub gives no patch for
// them; reading them at the head would cost a request each and find nothing a text
// scanner can read, so they are listed in the summary as not scanned instead.
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'avif', 'tif', 'tiff', 'psd',
  'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'tar', 'jar', 'war',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'mp3', 'mp4', 'm4a', 'mov', 'avi', 'webm', 'ogg', 'wav', 'flac',
  'exe', 'dll', 'so', 'dylib', 'a', 'o', 'class', 'wasm', 'pyc', 'node',
  'sqlite', 'db', 'parquet'
])

export function hasBinaryExtension(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase())
}

/** A NUL byte in the first 8 KB is how git itself tells binary content from text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true
  return false
}
