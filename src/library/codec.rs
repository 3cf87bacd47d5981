//! The compact form of the library's cache files: a header that names the
//! file and its format, the length and a hash of what follows, then
//! numbers and length-prefixed texts. Reading checks all of it: a file
//! that is short, long, of another format or altered anywhere reads as
//! nothing, and the cache is made again from the reviews. Pure.

/// The header: the file's magic, its format, the body's length and hash.
pub const HEADER: usize = 8 + 4 + 8 + 8;

/// Builds a cache file.
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            buf: vec![0; HEADER],
        }
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i128(&mut self, v: i128) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// A count or length, which the reader bounds by what is left.
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }

    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Bytes as they are, without their length.
    pub fn raw(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }

    /// An unsigned number in as few bytes as it needs.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    /// Forgets what was written, to write again.
    pub fn clear(&mut self) {
        self.buf.truncate(HEADER);
    }

    /// What was written so far.
    pub fn written(&self) -> &[u8] {
        &self.buf[HEADER..]
    }

    /// The file: the header filled in before the body.
    pub fn finish(mut self, magic: &[u8; 8], format: u32) -> Vec<u8> {
        let body_len = (self.buf.len() - HEADER) as u64;
        let hash = hash(&self.buf[HEADER..]);
        self.buf[..8].copy_from_slice(magic);
        self.buf[8..12].copy_from_slice(&format.to_le_bytes());
        self.buf[12..20].copy_from_slice(&body_len.to_le_bytes());
        self.buf[20..28].copy_from_slice(&hash.to_le_bytes());
        self.buf
    }
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

/// The bytes of the cache file at `path` (a link refused), at most
/// `limit`, read in one piece; nothing when it cannot be read. With when
/// it was last written, which says which stamps it can trust.
pub fn read_file(path: &std::path::Path, limit: u64) -> Option<(Vec<u8>, i128)> {
    use std::io::Read;
    let file = crate::store::read::open_regular(path, crate::store::read::Links::Refuse).ok()?;
    let meta = file.metadata().ok()?;
    if meta.len() > limit {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= limit).then(|| (bytes, super::index::nanos(&meta)))
}

/// The first `HEADER` bytes of a file and the body they announce, read
/// from `file` without reading what follows (a file with more than its
/// body after it); checked as [`body`] checks a whole file.
pub fn read_head(
    file: &mut std::fs::File,
    magic: &[u8; 8],
    format: u32,
    limit: u64,
) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = vec![0u8; HEADER];
    file.read_exact(&mut head).ok()?;
    let len = u64::from_le_bytes(head[12..20].try_into().ok()?);
    if len > limit || &head[..8] != magic {
        return None;
    }
    head.reserve_exact(len as usize);
    file.take(len).read_to_end(&mut head).ok()?;
    body(&head, magic, format)?;
    Some(head)
}

/// The body of a cache file, when its header names `magic` and `format`
/// and the body is whole and unaltered.
pub fn body<'a>(file: &'a [u8], magic: &[u8; 8], format: u32) -> Option<&'a [u8]> {
    let header = file.get(..HEADER)?;
    let body = &file[HEADER..];
    let word = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default());
    let ok = &header[..8] == magic
        && header[8..12] == format.to_le_bytes()
        && word(12) == body.len() as u64
        && word(20) == hash(body);
    ok.then_some(body)
}

/// Reads a body; every read is bounded by what is left.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// Where the next read starts.
    pub fn at(&self) -> usize {
        self.at
    }

    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    pub fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_le_bytes)
    }

    pub fn i128(&mut self) -> Option<i128> {
        self.array().map(i128::from_le_bytes)
    }

    /// A count of things at least `each` bytes long: never more than what
    /// is left could hold, so a broken count cannot ask for memory.
    pub fn count(&mut self, each: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(each.max(1))? <= self.bytes.len() - self.at).then_some(n)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// The byte range of a text, checked to be UTF-8, without copying it.
    pub fn str_range(&mut self) -> Option<std::ops::Range<usize>> {
        let n = self.u32()? as usize;
        let start = self.at;
        std::str::from_utf8(self.take(n)?).ok()?;
        Some(start..start + n)
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
}

/// A 64-bit hash of `bytes`, four words at a time: quick enough for tens
/// of megabytes, and any change of a byte changes it (it guards against
/// damage, not against a forger).
pub fn hash(bytes: &[u8]) -> u64 {
    const K: [u64; 4] = [
        0x9E37_79B9_7F4A_7C15,
        0xC2B2_AE3D_27D4_EB4F,
        0x1656_67B1_9E37_79F9,
        0x85EB_CA77_C2B2_AE63,
    ];
    let mut lanes = K;
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[i * 8..i * 8 + 8].try_into().unwrap_or_default());
            *lane = (*lane ^ w).wrapping_mul(K[i]).rotate_left(29);
        }
    }
    let mut h = bytes.len() as u64;
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(K[0]).rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K[1]).rotate_left(23);
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_back_and_any_change_is_refused() {
        let mut w = Writer::new();
        w.u32(7);
        w.str("café");
        w.varint(300);
        w.i128(-5);
        w.bytes(&[1, 2, 3]);
        let file = w.finish(b"TESTFILE", 3);
        let body = body(&file, b"TESTFILE", 3).expect("whole");
        let mut r = Reader::new(body);
        assert_eq!(r.u32(), Some(7));
        assert_eq!(r.str(), Some("café"));
        assert_eq!(r.varint(), Some(300));
        assert_eq!(r.i128(), Some(-5));
        assert_eq!(r.bytes(), Some(&[1u8, 2, 3][..]));
        assert!(r.is_done());
        assert!(r.u8().is_none(), "nothing past the end");

        assert!(
            super::body(&file, b"TESTFILE", 4).is_none(),
            "another format"
        );
        assert!(super::body(&file, b"OTHERONE", 3).is_none(), "another file");
        assert!(super::body(&file[..file.len() - 1], b"TESTFILE", 3).is_none());
        for at in HEADER..file.len() {
            let mut changed = file.clone();
            changed[at] ^= 0x10;
            assert!(
                super::body(&changed, b"TESTFILE", 3).is_none(),
                "a change at byte {at}"
            );
        }
        let mut longer = file.clone();
        longer.push(0);
        assert!(super::body(&longer, b"TESTFILE", 3).is_none());
    }

    #[test]
    fn counts_past_what_is_left_and_bad_texts_are_refused() {
        let mut w = Writer::new();
        w.u32(1_000_000);
        let file = w.finish(b"TESTFILE", 1);
        let mut r = Reader::new(body(&file, b"TESTFILE", 1).unwrap());
        assert_eq!(r.count(1), None);

        let mut w = Writer::new();
        w.bytes(&[0xff, 0xfe]);
        let file = w.finish(b"TESTFILE", 1);
        let mut r = Reader::new(body(&file, b"TESTFILE", 1).unwrap());
        assert_eq!(r.str(), None, "not UTF-8");
    }
}
