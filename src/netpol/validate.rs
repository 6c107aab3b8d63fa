//! The API server's syntax rules for names and labels (`k8s.io/apimachinery/pkg/util/validation`):
//! a manifest that breaks them would be refused by `kubectl apply`, so evaluating it would answer
//! a question about a cluster that cannot exist. Each function returns the rule broken, in words.

/// Longest label value and label-key name part (`IsQualifiedName`, `IsValidLabelValue`).
const QUALIFIED_NAME_MAX: usize = 63;
/// Longest DNS-1123 label: namespace names.
const DNS1123_LABEL_MAX: usize = 63;
/// Longest DNS-1123 subdomain: most object names and label-key prefixes.
const DNS1123_SUBDOMAIN_MAX: usize = 253;

/// `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`: the name part of a label key, and a label value.
fn is_qualified_part(text: &str) -> bool {
    let bytes = text.as_bytes();
    let alnum = |b: &u8| b.is_ascii_alphanumeric();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            alnum(first)
                && alnum(last)
                && bytes
                    .iter()
                    .all(|b| alnum(b) || matches!(b, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
fn is_dns1123_label_syntax(text: &str) -> bool {
    let bytes = text.as_bytes();
    let lower = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            lower(first) && lower(last) && bytes.iter().all(|b| lower(b) || *b == b'-')
        }
        _ => false,
    }
}

/// A DNS-1123 label (namespace names): lowercase letters, digits and '-', at most 63.
pub fn dns1123_label(text: &str) -> Result<(), String> {
    if text.len() > DNS1123_LABEL_MAX {
        return Err(format!(
            "must be at most {DNS1123_LABEL_MAX} characters (DNS-1123 label), not {}",
            text.len()
        ));
    }
    if !is_dns1123_label_syntax(text) {
        return Err("must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit".into());
    }
    Ok(())
}

/// A DNS-1123 subdomain (pod, policy and workload names): DNS-1123 labels joined by '.', at
/// most 253 characters.
pub fn dns1123_subdomain(text: &str) -> Result<(), String> {
    if text.len() > DNS1123_SUBDOMAIN_MAX {
        return Err(format!(
            "must be at most {DNS1123_SUBDOMAIN_MAX} characters (DNS-1123 subdomain), not {}",
            text.len()
        ));
    }
    if !text.split('.').all(is_dns1123_label_syntax) {
        return Err("must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit".into());
    }
    Ok(())
}

/// A label key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63
/// characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit.
pub fn label_key(key: &str) -> Result<(), String> {
    let (prefix, name) = match key.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix {
        if prefix.is_empty() {
            return Err("has an empty prefix before '/'".into());
        }
        dns1123_subdomain(prefix).map_err(|rule| format!("has a prefix that {rule}"))?;
    }
    if name.is_empty() {
        return Err("has no name (the part after any prefix/ is required)".into());
    }
    if name.len() > QUALIFIED_NAME_MAX {
        return Err(format!(
            "has a name part of {} characters; at most {QUALIFIED_NAME_MAX} are allowed",
            name.len()
        ));
    }
    if !is_qualified_part(name) {
        return Err("must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit, with at most one '/' after a DNS-1123 prefix".into());
    }
    Ok(())
}

/// A label value: empty, or at most 63 characters of letters, digits, '-', '_' and '.',
/// starting and ending with a letter or digit.
pub fn label_value(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    if value.len() > QUALIFIED_NAME_MAX {
        return Err(format!(
            "is {} characters long; at most {QUALIFIED_NAME_MAX} are allowed",
            value.len()
        ));
    }
    if !is_qualified_part(value) {
        return Err("must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit".into());
    }
    Ok(())
}

/// An IANA service name (`IsValidPortName`): what a container port's `name` and a named port in a
/// policy must be: at most 15 lowercase letters, digits and '-', with at least one letter, no
/// '-' at either end and no "--".
pub fn port_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 15
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && name.bytes().any(|b| b.is_ascii_lowercase())
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--");
    if ok {
        Ok(())
    } else {
        Err("must be an IANA service name: at most 15 lowercase letters, digits and '-', with a letter, no '-' at either end and no '--'".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The examples are the API server's own, from the Kubernetes docs "Labels and Selectors"
    // (syntax and character set) and "Object Names and IDs", and from the validation package's
    // unit tests (`validation_test.go`: TestIsQualifiedName, TestIsValidLabelValue,
    // TestIsDNS1123Label, TestIsDNS1123Subdomain).

    #[test]
    fn label_keys_valid_for_the_api_server_are_accepted() {
        for key in [
            "simple",
            "now-with-dashes",
            "1-starts-with-num",
            "1234",
            "simple/simple",
            "now-with-dashes/simple",
            "now-with-dashes/now-with-dashes",
            "now.with.dots/now-with-dashes",
            "now-with.dots/now-with-dashes",
            "now.with.dots/now.with.dots",
            "now-with.dots/now.with.dots",
            "UpperCase123",
            "app.kubernetes.io/name",
            "kubernetes.io/metadata.name",
            &"a".repeat(63),
            &format!("{}/b", "a".repeat(253)),
        ] {
            assert_eq!(label_key(key), Ok(()), "{key}");
        }
    }

    #[test]
    fn label_keys_invalid_for_the_api_server_are_refused() {
        for key in [
            "nospecialchars%^=@",
            "cantendwithadash-",
            "-cantstartwithadash-",
            "only/one/slash",
            "Example.com/abc",
            "example_com/abc",
            "example.com/",
            "/simple",
            &"a".repeat(64),
            &format!("{}/b", "a".repeat(254)),
            "app@b",
            "",
        ] {
            assert!(label_key(key).is_err(), "{key}");
        }
    }

    #[test]
    fn label_values_follow_the_api_server() {
        for value in [
            "simple",
            "now-with-dashes",
            "1-starts-with-num",
            "end-with-num-1",
            "1234",
            "UpperCaseAreOK123",
            "release_1.2",
            "",
            &"a".repeat(63),
        ] {
            assert_eq!(label_value(value), Ok(()), "{value}");
        }
        for value in [
            "nospecialchars%^=@",
            "Tama-nui-te-rā.is.Māori.sun",
            "\\backslashes\\are\\bad",
            "-starts-with-dash",
            "ends-with-dash-",
            ".starts.with.dot",
            "ends.with.dot.",
            "$frontend",
            &"a".repeat(64),
        ] {
            assert!(label_value(value).is_err(), "{value}");
        }
    }

    #[test]
    fn port_names_are_iana_service_names() {
        for name in [
            "http",
            "metrics",
            "h2c",
            "a-b",
            "dns-tcp",
            "x1234567890abcd",
        ] {
            assert_eq!(port_name(name), Ok(()), "{name}");
        }
        for name in [
            "",
            "HTTP",
            "1234",
            "-http",
            "http-",
            "a--b",
            "x1234567890abcde",
            "h_2",
        ] {
            assert!(port_name(name).is_err(), "{name}");
        }
    }

    #[test]
    fn names_follow_dns_1123() {
        for name in ["a", "ab", "a-1", "0", "my-name", "123-abc", &"a".repeat(63)] {
            assert_eq!(dns1123_label(name), Ok(()), "{name}");
        }
        for name in [
            "",
            "A",
            "ABC",
            "aBc",
            "a_b",
            "a.b",
            "-a",
            "a-",
            "a\u{1b}b",
            &"a".repeat(64),
        ] {
            assert!(dns1123_label(name).is_err(), "{name}");
        }
        for name in ["a.b", "a.1", "example.com", "my-name.v2", &"a".repeat(253)] {
            assert_eq!(dns1123_subdomain(name), Ok(()), "{name}");
        }
        for name in [
            "",
            "A.a",
            "a..b",
            ".a",
            "a.",
            "a_b",
            "a@b",
            &"a".repeat(254),
        ] {
            assert!(dns1123_subdomain(name).is_err(), "{name}");
        }
    }
}
