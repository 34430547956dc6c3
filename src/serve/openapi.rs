//! The OpenAPI 3 document of the API, kept as JSON beside the routes; a test
//! checks its paths are exactly the routes the server has.

use serde_json::Value;

const DOCUMENT: &str = include_str!("openapi.json");

pub fn document() -> Value {
    let mut doc: Value = serde_json::from_str(DOCUMENT).unwrap_or(Value::Null);
    doc["info"]["version"] = env!("CARGO_PKG_VERSION").into();
    doc
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn documents_exactly_the_routes() {
        let doc = super::document();
        let documented: BTreeSet<&str> = doc["paths"]
            .as_object()
            .expect("the document has paths")
            .keys()
            .map(String::as_str)
            .collect();
        let served: BTreeSet<&str> = super::super::routes::api_paths().into_iter().collect();
        assert_eq!(documented, served);
    }
}
