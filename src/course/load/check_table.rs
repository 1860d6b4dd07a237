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
                tree::Value::String(rule) => config.allow.push(Allowance {
                    rule: rule.to_string(),
                    activity: None,
                    reason: None,
                    span: span_of(item),
                }),
                tree::Value::Table(table) => {
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

    /// An `allow` entry naming an activity must name one of the file's (or one section of
    /// one, `"lab.3"`), for a check whose findings are about activities.
    pub(super) fn allowed_activities(&mut self, check: &CheckConfig, activities: &[Activity]) {
        for entry in &check.allow {
            let Some((id, span)) = &entry.activity else {
                continue;
            };
            if let Some(rule) = RuleId::parse(&entry.rule)
                && matches!(rule.kind(), crate::rules::RuleKind::Check(_))
                && !rule.subject().per_activity()
            {
                self.error(
                    RuleId::InvalidValue,
                    *span,
                    format!(
                        "`{}` is about the {}, not one activity, so its `allow` entry takes no `activity`",
                        entry.rule,
                        rule.subject().as_str()
                    ),
                )
                .help = Some("remove `activity` to allow the rule for the whole file".into());
                continue;
            }
            if activities.iter().any(|a| a.id == *id) {
                continue;
            }
            let section = id.rsplit_once('.').and_then(|(base, n)| {
                let n: usize = n.parse().ok()?;
                let a = activities.iter().find(|a| a.id == base)?;
                Some((a, n))
            });
            if let Some((a, n)) = section {
                if a.at.len() > 1 && (1..=a.at.len()).contains(&n) {
                    continue;
                }
                self.error(
                    RuleId::UnknownValue,
                    *span,
                    format!(
                        "`[check] allow` names section {n} of `{}`, which has {} section(s)",
                        a.id,
                        a.at.len().max(1)
                    ),
                )
                .help = Some(format!(
                    "name the whole activity, `activity = \"{}\"`",
                    a.id
                ));
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
