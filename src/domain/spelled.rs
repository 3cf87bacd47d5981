//! Enumerations spelled the way people say them.
//!
//! Every choice in a review (severity, phase, impact, priority...) is a
//! closed set of values with a display label and the other spellings a
//! person may type. `spelled_enum!` declares the set once: the variants, the
//! label, the accepted aliases, `ALL` in display order, `Display` and
//! `FromStr`. Input is matched ignoring case, with spaces and underscores
//! read as dashes, so `Went well`, `went_well` and `went-well` are the same.

use std::fmt;

/// A value that is not one of a closed set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{got}'; expected one of: {expected}")]
pub struct UnknownValue {
    pub what: &'static str,
    pub got: String,
    pub expected: String,
}

/// Lowercases and turns spaces and underscores into dashes.
pub fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Lists labels with their aliases for an error message:
/// `positive (+), negative (-), neutral (0)`.
pub fn describe(choices: &[(&str, &[&str])]) -> String {
    let mut out = String::new();
    for (i, (label, aliases)) in choices.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(label);
        let short: Vec<&str> = aliases.iter().copied().filter(|a| a.len() <= 3).collect();
        if !short.is_empty() {
            out.push_str(&format!(" ({})", short.join(", ")));
        }
    }
    out
}

/// Writes a label into a formatter, honouring width and alignment.
pub fn pad(f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
    f.pad(label)
}

#[macro_export]
#[doc(hidden)]
macro_rules! spelled_enum {
    (
        $(#[$meta:meta])*
        $what:literal enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $label:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Other spellings accepted on input.
            pub fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),+ }
            }

            /// The next value, wrapping around; for keys that cycle a field.
            pub fn cycle(self) -> $name {
                let all = Self::ALL;
                let i = all.iter().position(|v| *v == self).unwrap_or(0);
                all[(i + 1) % all.len()]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::domain::spelled::pad(f, self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::spelled::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = $crate::domain::spelled::normalise(s);
                for v in Self::ALL {
                    if $crate::domain::spelled::normalise(v.label()) == wanted
                        || v.aliases().iter().any(|a| *a == wanted)
                    {
                        return Ok(*v);
                    }
                }
                let choices: Vec<(&str, &[&str])> =
                    Self::ALL.iter().map(|v| (v.label(), v.aliases())).collect();
                Err($crate::domain::spelled::UnknownValue {
                    what: $what,
                    got: s.to_owned(),
                    expected: $crate::domain::spelled::describe(&choices),
                })
            }
        }
    };
}
