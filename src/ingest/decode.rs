//! Bytes to text: gzip, binary detection and the encodings scraped files come in.

use std::io::Read;

use super::{Skip, SkipKind, SourceFile};

pub enum Bytes {
    Whole(Vec<u8>),
    /// A gzip stream that ended early: what was decompressed is still worth reading.
    Truncated(Vec<u8>, String),
}

pub fn read_bytes(file: &SourceFile) -> Result<Bytes, Skip> {
    let raw = std::fs::read(&file.path)
        .map_err(|e| Skip::new(&file.rel, SkipKind::Unreadable, e.to_string()))?;
    if !file.gzip {
        return Ok(Bytes::Whole(raw));
    }
    let mut out = Vec::with_capacity(raw.len() * 4);
    let mut decoder = flate2::read::MultiGzDecoder::new(&raw[..]);
    match decoder.read_to_end(&mut out) {
        Ok(_) => Ok(Bytes::Whole(out)),
        Err(e) if out.is_empty() && e.kind() != std::io::ErrorKind::UnexpectedEof => {
            Err(unreadable(file, &e))
        }
        Err(e) => Ok(Bytes::Truncated(
            out,
            format!("{e}; kept what was readable"),
        )),
    }
}

/// A file that cannot be read from its first byte: for gzip, a bad header.
pub fn unreadable(file: &SourceFile, e: &std::io::Error) -> Skip {
    let detail = if file.gzip {
        format!("not gzip: {e}")
    } else {
        e.to_string()
    };
    Skip::new(&file.rel, SkipKind::Unreadable, detail)
}

/// A file as a buffered stream of its text, decompressed when gzip.
pub fn open_stream(file: &SourceFile) -> Result<Box<dyn std::io::BufRead>, Skip> {
    let raw = std::fs::File::open(&file.path)
        .map_err(|e| Skip::new(&file.rel, SkipKind::Unreadable, e.to_string()))?;
    const BUFFER: usize = 256 * 1024;
    Ok(if file.gzip {
        let gz = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(raw));
        Box::new(std::io::BufReader::with_capacity(BUFFER, gz))
    } else {
        Box::new(std::io::BufReader::with_capacity(BUFFER, raw))
    })
}

/// NUL bytes never occur in text in any encoding we read.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    head.contains(&0)
}

/// UTF-8 when it is (with or without BOM), else Windows-1252, the encoding of
/// most old scraped pages and of Latin-1 text; returns whether it re-encoded.
pub fn to_text(bytes: Vec<u8>) -> (String, bool) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            (text.into_owned(), true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_decoded() {
        let (s, re) = to_text(b"caf\xe9".to_vec());
        assert_eq!(s, "café");
        assert!(re);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let (s, re) = to_text("\u{feff}Hi".as_bytes().to_vec());
        assert_eq!(s, "Hi");
        assert!(!re);
    }

    #[test]
    fn nul_means_binary() {
        assert!(looks_binary(b"abc\0def"));
        assert!(!looks_binary(b"plain text"));
    }
}
