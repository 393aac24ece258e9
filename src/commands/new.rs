//! `incidents new <TITLE>`: create an incident from the template in effect, with the
//! next free id, in `<dir>/<year opened>/<ID>-<slug>.md`. The created path is the last
//! line on stdout (contract).

use super::{say, Outcome, Streams};
use crate::clock::Timestamp;
use crate::edit::{self, slug};
use crate::error::{Error, Refusal, Result, UsageError};
use crate::interact::{editor, Needs};
use crate::record::INCIDENT_KEYS;
use crate::templates::TemplateName;
use crate::text::one_line;
use crate::workflow::{ids, Session};
use crate::Context;

/// Open an incident: a new record from the template, with the next free id
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  incidents new \"Checkout 502s after partial deploy\" --severity SEV2
  incidents new \"Search latency over 2s\" --severity SEV3 --commander dana --opened 2026-03-02T14:20:00Z
  incidents new \"Imported from the old tracker\" --severity SEV4 --id INC-100 --no-edit
  incidents new \"Checkout prices stale after deploy\" --severity SEV2 --class state-mismatch-during-partial-deploy

With --class, earlier incidents of the same classes are printed (newest three) with the
fixes validated for them: \"seen before: INC-3 (2026-06-10), fixed by INC-3-R1, validated 2026-06-20\".

The created file's path is the last line on stdout: `$(incidents new … | tail -n 1)`.")]
pub(crate) struct Args {
    /// One line saying what users saw (asked for on a terminal when left out)
    pub(crate) title: Option<String>,
    /// One of the configured severities (asked for on a terminal when left out)
    #[arg(long)]
    pub(crate) severity: Option<String>,
    /// When the incident began: YYYY-MM-DD or RFC 3339 [default: now, or --today]
    #[arg(long, value_name = "T", value_parser = crate::clock::parse_at)]
    pub(crate) opened: Option<Timestamp>,
    /// Who runs the incident
    #[arg(long, value_name = "P")]
    pub(crate) commander: Option<String>,
    /// A repeat-failure class of the incident (repeatable); written to `classes:`
    #[arg(long = "class", value_name = "C")]
    pub(crate) class: Vec<String>,
    /// Use this id instead of the next free one (letters, digits, `-`, `_`)
    #[arg(long, value_parser = ids::parse_id)]
    pub(crate) id: Option<String>,
    /// Do not open $VISUAL/$EDITOR on the new file
    #[arg(long)]
    pub(crate) no_edit: bool,
}

pub(crate) fn run(ctx: &Context, args: &Args, streams: &mut Streams<'_>) -> Result<Outcome> {
    let severities = ctx.config.severities.join(", ");
    let mut needs = Needs::new(ctx.interactive);
    let title = needs.text(streams, args.title.as_deref(), "<TITLE>", "one line saying what users saw")?;
    // At a terminal a missing severity is asked for; elsewhere the record is still
    // created (everything works non-interactively) with the template's placeholder,
    // which `check` reports as missing until someone writes it.
    let severity = if ctx.interactive {
        needs.text(streams, args.severity.as_deref(), "--severity", &format!("one of {severities}"))?
    } else {
        args.severity.as_deref().and_then(crate::text::meaningful).map(str::to_string)
    };
    let commander = needs.optional(streams, args.commander.as_deref(), "--commander", "who runs the incident")?;
    needs.finish("cannot open an incident")?;
    let Some(title) = title.map(|t| one_line(&t)) else {
        return Err(Refusal::MissingTitle.into());
    };
    if let Some(severity) = severity.as_ref().filter(|s| !ctx.config.severities.contains(s)) {
        let hint = crate::suggest::closest(severity, ctx.config.severities.iter().map(String::as_str));
        let (given, allowed) = (severity.clone(), ctx.config.severities.clone());
        return Err(UsageError::UnconfiguredSeverity { given, hint: hint.map(str::to_string), allowed }.into());
    }
    let opened = args.opened.unwrap_or(ctx.clock.stamp);
    let mut classes: Vec<String> = Vec::new();
    for class in args.class.iter().filter_map(|c| crate::text::meaningful(c)).map(one_line) {
        super::classes::check_known(ctx, &class, "--class")?;
        if !classes.iter().any(|known| crate::text::normalize(known) == crate::text::normalize(&class)) {
            classes.push(class);
        }
    }

    let Session { repo, lock } = Session::open(ctx, true)?;
    let id = match &args.id {
        Some(id) => ids::given_incident_id(&repo, id, &ctx.config.id_prefix)?,
        None => ids::next_incident(&repo, &ctx.config.id_prefix)?,
    };
    let template = crate::templates::load(&ctx.root, TemplateName::Incident)?;
    let opened_text = opened.to_string();
    let text = crate::templates::fill(
        &template.text,
        &[
            ("id", Some(&id)),
            ("title", Some(&title)),
            ("severity", severity.as_deref()),
            ("opened", Some(&opened_text)),
            ("commander", commander.as_deref()),
        ],
    );
    let text = match &commander {
        // A template without a `commander` placeholder still gets the value given.
        Some(name) if !template.text.contains("{{commander}}") => {
            edit::apply(&text, &[edit::Edit::Set { key: "commander", value: name, order: INCIDENT_KEYS }])
                .map_err(|e| template.error(&e.to_string()))?
        }
        _ => text,
    };
    let class_edits: Vec<edit::Edit<'_>> =
        classes.iter().map(|class| edit::Edit::Append { key: "classes", value: class, order: INCIDENT_KEYS }).collect();
    let text = if class_edits.is_empty() {
        text
    } else {
        edit::apply(&text, &class_edits).map_err(|e| template.error(&e.to_string()))?
    };
    let seen_before = {
        let records = crate::store::Index::build(&repo);
        let wanted: Vec<&str> = classes.iter().map(String::as_str).collect();
        crate::analysis::seen_before::find(&wanted, None, Some(&opened), &records.incidents)
    };
    let folder = ctx.records_dir().join(format!("{}", opened.date().format("%Y")));
    let path = folder.join(slug::file_name(&id, &title));
    template.check_filled(&text, &ctx.config, "incident", &id)?;
    edit::file::confined(&ctx.root, &ctx.records_dir(), &path, &ctx.display_path(&path))?;
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    edit::file::create(&path, &ctx.display_path(&path), &text)?;
    drop(lock);

    let shown = ctx.display_path(&path);
    if severity.is_none() {
        say(
            streams.err,
            &format!(
                "warning: no --severity given: `severity:` is left as a placeholder; write one of {severities} (`incidents check` reports it until then)\n"
            ),
        )?;
    }
    let severity = severity.as_deref().unwrap_or("severity not set");
    let seen: String = seen_before
        .iter()
        .map(|seen| format!("seen before: {}\n", crate::analysis::seen_before::describe(seen)))
        .collect();
    say(
        streams.out,
        &format!(
            "created {id} ({severity}, active): {title}\n{seen}next: write what you know, then close gate 1 with `incidents stabilize {id} --signal … --intervention … --rollback … --verification …`\n{shown}\n"
        ),
    )?;
    editor::open_created(ctx, args.no_edit, &path, streams.err)?;
    Ok(Outcome::Success)
}
