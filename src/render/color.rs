//! Colour, decided once per run (flag, terminal, `NO_COLOR`, `CLICOLOR_FORCE`) and
//! applied by meaning: error, warning, path, code, emphasis.

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Decides from the choice, whether the stream is a terminal, and the environment
    /// values of `NO_COLOR` and `CLICOLOR_FORCE` (passed in, never read here).
    pub fn enabled(self, is_terminal: bool, no_color: Option<&str>, clicolor_force: Option<&str>) -> bool {
        let set = |value: Option<&str>| value.is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set(no_color) {
                    false
                } else {
                    set(clicolor_force) || is_terminal
                }
            }
        }
    }
}

/// Styles by meaning; plain text when disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub fn new(enabled: bool) -> Self {
        Palette { enabled }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn error(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
    pub fn warning(&self, text: &str) -> String {
        self.paint("1;33", text)
    }
    pub fn success(&self, text: &str) -> String {
        self.paint("1;32", text)
    }
    pub fn path(&self, text: &str) -> String {
        self.paint("1;36", text)
    }
    pub fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
    pub fn strong(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_terminal_and_environment() {
        assert!(ColorChoice::Auto.enabled(true, None, None));
        assert!(!ColorChoice::Auto.enabled(false, None, None));
        assert!(!ColorChoice::Auto.enabled(true, Some("1"), None));
        assert!(ColorChoice::Auto.enabled(true, Some(""), None));
        assert!(ColorChoice::Auto.enabled(false, None, Some("1")));
        assert!(!ColorChoice::Auto.enabled(false, None, Some("0")));
        assert!(ColorChoice::Always.enabled(false, Some("1"), None));
        assert!(!ColorChoice::Never.enabled(true, None, Some("1")));
    }

    #[test]
    fn plain_palette_adds_nothing() {
        assert_eq!(Palette::new(false).error("x"), "x");
        assert_eq!(Palette::new(true).error("x"), "\x1b[1;31mx\x1b[0m");
    }
}
