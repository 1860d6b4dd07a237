//! The `[check]` table: severities and allows.

use super::*;

impl Reader {
    pub(super) fn check(&mut self, place: &Place<'_, '_>) -> CheckConfig {
        self.unknown_keys(place, CHECK_KEYS);
        let mut config = CheckConfig::default();
        let Some((array, _)) = self.array(place, "allow") else {
            return config;
        };
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(rule) => config.allow.push(Allowance {
                    rule: rule.to_string(),
                    activity: None,
                    reason: None,
                    span: span_of(item),
                }),
                DeValue::Table(table) => {
                    let entry = Place::new(table, "an `allow` entry", span_of(item));
                    self.unknown_keys(&entry, ALLOW_KEYS);
                    let rule = self.string(&entry, "rule", Some("\"rule-id\""));
                    let activity = self.string(&entry, "activity", None);
                    let reason = self.string(&entry, "reason", None);
                    if let Some((rule, span)) = rule {
                        config.allow.push(Allowance {
                            rule: rule.to_string(),
                            activity: activity.map(|(a, s)| (a.to_string(), s)),
                            reason: reason.map(|(r, _)| r.to_string()),
                            span,
                        });
                    }
                }
                other => {
                    self.error(
                        RuleId::InvalidType,
                        span_of(item),
                        format!(
                            "each `allow` entry must be a rule id or {{ rule = \"...\", reason = \"...\" }}, found {}",
                            type_name(other)
                        ),
                    );
                }
            }
        }
        config
    }

    /// An `allow` entry naming an activity must name one of the file's.
    pub(super) fn allowed_activities(&mut self, check: &CheckConfig, activities: &[Activity]) {
        for entry in &check.allow {
            let Some((id, span)) = &entry.activity else {
                continue;
            };
            if activities.iter().any(|a| a.id == *id) {
                continue;
            }
            let help = did_you_mean(id, activities.iter().map(|a| a.id.as_str()))
                .map(|best| format!("did you mean `{best}`?"));
            self.error(
                RuleId::UnknownValue,
                *span,
                format!("`[check] allow` names activity `{id}`, which the file does not define"),
            )
            .help = help;
        }
    }
}
