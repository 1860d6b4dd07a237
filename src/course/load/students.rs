//! The `[students]` table and its `[[students.zones]]`.

use super::*;

impl Reader {
    pub(super) fn students(&mut self, place: &Place<'_, '_>) -> Option<Students> {
        self.unknown_keys(place, STUDENTS_KEYS);
        let count = self
            .integer(place, "count", Some("30"), (1, 10_000_000))
            .map(|(n, _)| n as u32);
        let populations = self
            .enum_list(
                place,
                "populations",
                "population",
                Population::NAMES,
                Population::from_name,
            )
            .map(|(v, _)| v)
            .unwrap_or_default();
        let reliable_internet = match place.get("reliable_internet") {
            Some(value) => match self.number_value(&"[students]", "reliable_internet", value) {
                Some(share) if (0.0..=1.0).contains(&share) => Some(Some(share)),
                Some(share) => {
                    self.error(
                        RuleId::OutOfRange,
                        span_of(value),
                        format!("`reliable_internet` is a share between 0 and 1, found {share}"),
                    )
                    .help = Some("write 0.85 for 85%".into());
                    None
                }
                None => None,
            },
            None => Some(None),
        };
        let zones = self.zones(place, count);
        Some(Students {
            count: count?,
            populations,
            reliable_internet: reliable_internet?,
            reliable_internet_span: place.get("reliable_internet").map(span_of),
            zones: zones?,
            span: place.span,
        })
    }

    /// An optional `HH:MM-HH:MM` window at `key`: `Some(None)` when it is not written,
    /// `None` when it is written wrong (the error is reported).
    pub(super) fn optional_window(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        what: &str,
        help: &str,
    ) -> Option<Option<Window>> {
        match self.string(place, key, None) {
            Some((text, span)) => {
                let window = Window::parse(text);
                if window.is_none() {
                    self.error(
                        RuleId::InvalidValue,
                        span,
                        format!("`{key}` must be {what} HH:MM-HH:MM, found `{text}`"),
                    )
                    .help = Some(help.into());
                }
                window.map(Some)
            }
            None if place.table.contains_key(key) => None,
            None => Some(None),
        }
    }

    /// The tables of an array of tables (`[[name]]`), each as a place named `[[name]] #n`;
    /// an entry that is not a table is an error, and the flag says whether all were tables.
    pub(super) fn entries<'t, 'i>(
        &mut self,
        array: &'t tree::Array<'i>,
        name: &'static str,
    ) -> (Vec<Place<'t, 'i>>, bool) {
        let mut places = Vec::with_capacity(array.len());
        let mut ok = true;
        for (i, item) in array.iter().enumerate() {
            match item.get_ref() {
                tree::Value::Table(table) => {
                    places.push(Place::entry(table, name, i + 1, span_of(item)));
                }
                other => {
                    self.error(
                        RuleId::InvalidType,
                        span_of(item),
                        format!(
                            "each `{name}` entry must be a table, found {}",
                            type_name(other)
                        ),
                    );
                    ok = false;
                }
            }
        }
        (places, ok)
    }

    pub(super) fn zones(
        &mut self,
        place: &Place<'_, '_>,
        total: Option<u32>,
    ) -> Option<Vec<StudentZone>> {
        let Some((array, span)) = self.array(place, "zones") else {
            return (!place.table.contains_key("zones")).then(Vec::new);
        };
        if array.len() > MAX_ZONES {
            self.error(
                RuleId::TooMany,
                span,
                format!(
                    "{} student zones listed; at most {MAX_ZONES} are allowed",
                    array.len()
                ),
            );
            return None;
        }
        let mut zones = Vec::with_capacity(array.len());
        let (places, mut ok) = self.entries(array, "[[students.zones]]");
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for zone_place in places {
            self.unknown_keys(&zone_place, ZONE_KEYS);
            let zone = self
                .string(&zone_place, "zone", Some("\"Asia/Tokyo\""))
                .and_then(|(name, span)| self.zone_name(name, span).map(|z| (z, span)));
            let count = self
                .integer(&zone_place, "count", Some("10"), (0, 10_000_000))
                .map(|(n, _)| n as u32);
            // `Some(None)`: not given; the availability layer picks the window.
            let available = self.optional_window(
                &zone_place,
                "available",
                "a local window",
                "write e.g. `available = \"08:00-22:00\"` (it may wrap past midnight, `20:00-02:00`)",
            );
            let population = self.enum_key(
                &zone_place,
                "population",
                "population",
                Population::NAMES,
                Population::from_name,
            );
            if zone_place.table.contains_key("population") && population.is_none() {
                ok = false;
                continue;
            }
            match (zone, count, available) {
                (Some((zone, zone_span)), Some(count), Some(available)) => {
                    if seen.contains(&zone) {
                        self.error(
                            RuleId::DuplicateValue,
                            zone_span,
                            format!("zone `{zone}` is listed twice in [[students.zones]]"),
                        )
                        .help = Some(
                            "add its students to the first entry for this zone and remove this one"
                                .into(),
                        );
                        ok = false;
                        continue;
                    }
                    seen.insert(zone.clone());
                    zones.push(StudentZone {
                        zone,
                        count,
                        available,
                        population: population.map(|(p, _)| p),
                        span: zone_place.span,
                    });
                }
                _ => ok = false,
            }
        }
        let listed: u64 = zones.iter().map(|z| u64::from(z.count)).sum();
        if let Some(total) = total
            && listed > u64::from(total)
        {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("the zones list {listed} students but `count` is {total}"),
            )
            .help = Some(format!(
                "raise `count` to at least {listed} or lower the zone counts"
            ));
            ok = false;
        }
        ok.then_some(zones)
    }
}
