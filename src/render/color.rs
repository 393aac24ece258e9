//! Colour, decided once per run and stream, and applied by meaning: error, warning,
//! path, code, emphasis.
//!
//! The decision for `--color auto` is anstream's, the crate clap itself uses: colour on a
//! terminal whose `TERM` is set and not `dumb` (or in CI), never when `NO_COLOR` is set
//! or `CLICOLOR=0`, always when `CLICOLOR_FORCE` is set. [`auto_colors`] asks it once per
//! stream, when the binary gathers its environment; `--color always` and `never`
//! override it, for clap's help and errors too ([`ColorChoice::from_args`]).

use std::ffi::OsString;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream, given what `auto` decides for it ([`auto_colors`]).
    pub(crate) fn enabled(self, auto: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto,
        }
    }

    /// The `--color` among raw command-line arguments, for what is printed before they
    /// parse (help, version, usage errors): the last one wins, as clap's override does;
    /// nothing after `--` counts; a value clap would refuse counts as `auto`.
    pub(crate) fn from_args(args: &[OsString]) -> ColorChoice {
        let mut choice = ColorChoice::Auto;
        let mut args = args.iter().skip(1).map(|arg| arg.to_str());
        while let Some(arg) = args.next() {
            let value = match arg {
                Some("--") => break,
                Some("--color") => args.next().flatten(),
                Some(other) => other.strip_prefix("--color="),
                None => None,
            };
            if let Some(value) = value {
                choice = match value {
                    "always" => ColorChoice::Always,
                    "never" => ColorChoice::Never,
                    _ => ColorChoice::Auto,
                };
            }
        }
        choice
    }
}

/// What anstream decides for `--color auto` on `stream`, from whether it is a terminal
/// and the process environment (`NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR`, `TERM`, CI).
/// Called by the binary when it gathers its environment; the library never reads the
/// environment itself.
pub(crate) fn auto_colors<S: anstream::stream::RawStream>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

/// Styles by meaning; plain text when disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Palette {
    pub(crate) enabled: bool,
}

impl Palette {
    pub(crate) fn new(enabled: bool) -> Self {
        Palette { enabled }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub(crate) fn error(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
    pub(crate) fn warning(&self, text: &str) -> String {
        self.paint("1;33", text)
    }
    pub(crate) fn success(&self, text: &str) -> String {
        self.paint("1;32", text)
    }
    pub(crate) fn path(&self, text: &str) -> String {
        self.paint("1;36", text)
    }
    pub(crate) fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
    pub(crate) fn strong(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_overrides_what_auto_decides() {
        for auto in [true, false] {
            assert_eq!(ColorChoice::Auto.enabled(auto), auto);
            assert!(ColorChoice::Always.enabled(auto));
            assert!(!ColorChoice::Never.enabled(auto));
        }
    }

    #[test]
    fn the_flag_is_found_before_the_arguments_parse() {
        let cases: [(&[&str], ColorChoice); 8] = [
            (&["incidents", "--help"], ColorChoice::Auto),
            (&["incidents", "--color", "never", "--help"], ColorChoice::Never),
            (&["incidents", "check", "--color=always", "--help"], ColorChoice::Always),
            (&["incidents", "--color", "never", "--color", "always", "-h"], ColorChoice::Always),
            (&["incidents", "--color", "sometimes", "--help"], ColorChoice::Auto),
            (&["incidents", "new", "--", "--color", "never"], ColorChoice::Auto),
            (&["incidents", "--color"], ColorChoice::Auto),
            // The program name is not an argument.
            (&["--color=never", "--help"], ColorChoice::Auto),
        ];
        for (args, expected) in cases {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            assert_eq!(ColorChoice::from_args(&args), expected, "{args:?}");
        }
    }

    #[test]
    fn plain_palette_adds_nothing() {
        assert_eq!(Palette::new(false).error("x"), "x");
        assert_eq!(Palette::new(true).error("x"), "\x1b[1;31mx\x1b[0m");
    }
}
