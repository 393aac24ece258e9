//! Builders for record files with known facts, so tests state only what they are about.

#![allow(dead_code)] // each test module uses a different part of the builders

/// An incident file under construction.
#[derive(Debug, Clone)]
pub struct IncidentFile {
    id: String,
    severity: String,
    status: String,
    opened: String,
    title: String,
    modes: Vec<String>,
    classes: Vec<String>,
    stabilized_at: Option<String>,
    uncertainty: Option<String>,
    closed_at: Option<String>,
    body: String,
}

/// An incident: `status` is written as given; call `stabilized`/`closed` for the dates.
pub fn incident(id: &str, severity: &str, status: &str, opened: &str) -> IncidentFile {
    IncidentFile {
        id: id.to_string(),
        severity: severity.to_string(),
        status: status.to_string(),
        opened: opened.to_string(),
        title: format!("{id} title"),
        modes: Vec::new(),
        classes: Vec::new(),
        stabilized_at: None,
        uncertainty: None,
        closed_at: None,
        body: "\n## Summary\n\nWhat users saw.\n\n## Timeline\n\n- 10:00 alert\n".to_string(),
    }
}

impl IncidentFile {
    pub fn title(mut self, title: &str) -> Self {
        self.title = title.to_string();
        self
    }
    pub fn modes(mut self, modes: &[&str]) -> Self {
        self.modes = modes.iter().map(|m| m.to_string()).collect();
        self
    }
    pub fn classes(mut self, classes: &[&str]) -> Self {
        self.classes = classes.iter().map(|c| c.to_string()).collect();
        self
    }
    pub fn stabilized(mut self, at: &str) -> Self {
        self.stabilized_at = Some(at.to_string());
        self
    }
    pub fn uncertainty(mut self, text: &str) -> Self {
        self.uncertainty = Some(text.to_string());
        self
    }
    pub fn closed(mut self, at: &str) -> Self {
        self.closed_at = Some(at.to_string());
        self
    }
    pub fn body(mut self, body: &str) -> Self {
        self.body = body.to_string();
        self
    }

    /// The file text.
    pub fn text(&self) -> String {
        let mut out = format!(
            "---\nkind: incident\nid: {}\ntitle: {}\nseverity: {}\nstatus: {}\nopened: {}\n",
            self.id,
            yaml(&self.title),
            self.severity,
            self.status,
            self.opened
        );
        list(&mut out, "failure_modes", &self.modes);
        list(&mut out, "classes", &self.classes);
        if let Some(at) = &self.stabilized_at {
            out.push_str("stabilization:\n  signal: 5xx above 2% on checkout-api\n  intervention: rolled checkout-api back to the previous version\n  rollback: redeploy the previous version\n  verification: 5xx under 0.1% for 30 minutes\n");
            out.push_str(&format!("  stabilized_at: {at}\n"));
            if let Some(text) = &self.uncertainty {
                out.push_str(&format!("  uncertainty: {}\n", yaml(text)));
            }
        }
        if let Some(at) = &self.closed_at {
            out.push_str(&format!("closed_at: {at}\n"));
        }
        out.push_str("---\n");
        out.push_str(&self.body);
        out
    }
}

/// A remediation item file under construction.
#[derive(Debug, Clone)]
pub struct ItemFile {
    id: String,
    incident: String,
    mode: String,
    owner: String,
    due: String,
    status: String,
    validated_at: Option<String>,
    title: Option<String>,
}

/// An item; shipped and validated items get a change, validated ones evidence, dropped
/// ones a reason and an approver.
pub fn item(id: &str, incident: &str, mode: &str, owner: &str, due: &str, status: &str) -> ItemFile {
    ItemFile {
        id: id.to_string(),
        incident: incident.to_string(),
        mode: mode.to_string(),
        owner: owner.to_string(),
        due: due.to_string(),
        status: status.to_string(),
        validated_at: None,
        title: None,
    }
}

impl ItemFile {
    pub fn validated_at(mut self, at: &str) -> Self {
        self.validated_at = Some(at.to_string());
        self
    }
    pub fn title(mut self, title: &str) -> Self {
        self.title = Some(title.to_string());
        self
    }

    /// The file text.
    pub fn text(&self) -> String {
        let mut out = format!(
            "---\nkind: remediation\nid: {}\nincident: {}\nfailure_mode: {}\nowner: {}\ndue: {}\nvalidation: integration test that replays the failing requests against a mixed-version pool\nstatus: {}\n",
            self.id,
            self.incident,
            yaml(&self.mode),
            self.owner,
            self.due,
            self.status
        );
        if let Some(title) = &self.title {
            out.push_str(&format!("title: {}\n", yaml(title)));
        }
        if self.status == "shipped" || self.status == "validated" {
            out.push_str("change: https://git.example.com/shop/checkout/pull/4711\n");
        }
        if self.status == "validated" {
            out.push_str("evidence: CI run 4711 passed\n");
        }
        if self.status == "dropped" {
            out.push_str("reason: superseded by a platform-wide change\napproved_by: head of checkout engineering\n");
        }
        if let Some(at) = &self.validated_at {
            out.push_str(&format!("validated_at: {at}\n"));
        }
        out.push_str("---\n\n## Causal analysis\n\nThe cache key ignored the schema version.\n");
        out
    }
}

/// A double-quoted YAML scalar (JSON strings are valid YAML).
fn yaml(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    out.push_str(&format!("{key}:\n"));
    for value in values {
        out.push_str(&format!("  - {}\n", yaml(value)));
    }
}
