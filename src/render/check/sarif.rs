//! `check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` is the whole rules registry (id = rule code, short
//! description = when it fires, full description and help = the explanation `incidents
//! explain` prints, default level = the level in effect in this repository); each result
//! names its rule by code and index, its level, message, and the record file relative to
//! the root (`/` separators) with the line. As with JSON, no line holds a `##[`
//! ([`crate::render::json::without_legacy_commands`]).

use crate::config::Config;
use crate::diagnostic::{explain_markdown, Level, Report, Rule, Severity};
use serde_json::{json, Value};

/// The SARIF schema the output follows.
pub(crate) const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Renders the shown diagnostics as one SARIF log (pretty JSON).
pub(crate) fn render(report: &Report, config: &Config) -> String {
    let rules: Vec<Value> = Rule::ALL.iter().map(|rule| rule_descriptor(*rule, config.level(*rule))).collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "ruleId": d.code.code(),
                "ruleIndex": rule_index(d.code),
                "level": severity_level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&d.file)},
                        "region": {"startLine": d.line}
                    }
                }],
                "properties": {"recordId": d.id}
            })
        })
        .collect();
    let mut driver = json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let home = env!("CARGO_PKG_REPOSITORY");
    if !home.is_empty() {
        driver["informationUri"] = json!(home);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    crate::render::json::pretty(&log)
}

fn rule_descriptor(rule: Rule, level: Level) -> Value {
    let explanation = rule.explanation().trim_end();
    let mut descriptor = json!({
        "id": rule.code(),
        "name": pascal_case(rule.code()),
        "shortDescription": {"text": format!("Fires when {}.", rule.summary())},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": explain_markdown(rule)},
        "defaultConfiguration": {"level": match level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Off => "none",
        }},
    });
    if level == Level::Off {
        descriptor["defaultConfiguration"]["enabled"] = json!(false);
    }
    descriptor
}

fn rule_index(rule: Rule) -> usize {
    Rule::ALL.iter().position(|r| *r == rule).unwrap_or_default()
}

fn severity_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A root-relative path as a relative URI reference: `/` separators, and the characters
/// a URI cannot hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `missing-rollback` → `MissingRollback`, SARIF's readable rule name.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    #[test]
    fn encodes_paths_as_relative_uris() {
        let cases = [
            ("incidents/2026/INC-1.md", "incidents/2026/INC-1.md"),
            ("incidents/a b#c.md", "incidents/a%20b%23c.md"),
            ("incidents\\win.md", "incidents/win.md"),
            ("incidents/é.md", "incidents/%C3%A9.md"),
        ];
        for (path, expected) in cases {
            assert_eq!(uri(path), expected);
        }
    }

    #[test]
    fn names_rules_in_pascal_case() {
        assert_eq!(pascal_case("missing-rollback"), "MissingRollback");
        assert_eq!(pascal_case("syntax"), "Syntax");
    }

    #[test]
    fn results_point_at_their_rule_descriptor() {
        let mut config = Config::default();
        config.rule_levels.insert(Rule::VagueText, Level::Off);
        let report = Report {
            diagnostics: vec![Diagnostic {
                code: Rule::Overdue,
                severity: Severity::Warning,
                file: "incidents/INC-1-R1.md".to_string(),
                line: 7,
                id: Some("INC-1-R1".to_string()),
                message: "INC-1-R1 is overdue".to_string(),
            }],
            files: 1,
        };
        let log: Value = serde_json::from_str(&render(&report, &config)).unwrap();
        let run = &log["runs"][0];
        let result = &run["results"][0];
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "overdue");
        assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 7);
        let vague = &run["tool"]["driver"]["rules"][rule_index(Rule::VagueText)];
        assert_eq!(vague["defaultConfiguration"]["enabled"], false);
    }
}
