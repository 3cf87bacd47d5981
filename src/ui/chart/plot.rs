//! Plotting the recovery chart: where times and distances fall, and the
//! points and key moments drawn on the step line.

use super::*;

/// Where the chart puts things: times as seconds from `start`.
struct Scale {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// The lowest and highest distance shown, one spare step beyond the
    /// points on each side, and an even number of steps apart so that
    /// the middle label is a whole step.
    bottom: i32,
    top: i32,
}

impl Scale {
    fn new(chart: &RecoveryChart) -> Option<Scale> {
        let (first, last) = chart.span()?;
        let (start, end) = if first == last {
            (
                first.checked_sub_signed(LONE_INSTANT).unwrap_or(first),
                last.checked_add_signed(LONE_INSTANT).unwrap_or(last),
            )
        } else {
            (first, last)
        };
        let (lo, hi) = chart.distance_range();
        let top = hi + 1;
        let mut bottom = lo - 1;
        if (top - bottom) % 2 != 0 {
            bottom -= 1;
        }
        Some(Scale {
            start,
            end,
            bottom,
            top,
        })
    }

    /// The x of `at`: seconds since the start.
    fn x(&self, at: DateTime<Utc>) -> f64 {
        (at - self.start).num_milliseconds() as f64 / 1000.0
    }

    fn x_bounds(&self) -> [f64; 2] {
        let right = self.x(self.end);
        // A zero-wide range draws nothing; the lone instant is widened
        // above, this only guards against an end before the start.
        [0.0, if right > 0.0 { right } else { 1.0 }]
    }

    fn y_bounds(&self) -> [f64; 2] {
        [f64::from(self.bottom), f64::from(self.top)]
    }

    /// The times under the left end, the middle and the right end.
    fn x_labels(&self, review: &Review, three: bool) -> Vec<String> {
        let day = review.incident_date();
        let label = |at| time(review.offset, day, at);
        let mut labels = vec![label(self.start)];
        if three {
            labels.push(label(self.start + (self.end - self.start) / 2));
        }
        labels.push(label(self.end));
        labels
    }

    /// The distances beside the bottom, the middle and the top.
    fn y_labels(&self) -> Vec<String> {
        let signed = |d: i32| {
            if d > 0 {
                format!("+{d}")
            } else {
                d.to_string()
            }
        };
        vec![
            signed(self.bottom),
            signed((self.bottom + self.top) / 2),
            signed(self.top),
        ]
    }
}

/// Axis labels in the muted style.
fn muted(theme: &Theme, labels: Vec<String>) -> Vec<Line<'static>> {
    labels
        .into_iter()
        .map(|l| Line::styled(l, theme.muted))
        .collect()
}

/// What draws a key moment's line.
pub(super) fn moment_glyph(braille: bool) -> char {
    if braille { '┆' } else { '|' }
}

/// Draws the chart into `area` and returns, for each key moment, the
/// column its line was drawn in, if it could be found.
pub(super) fn plot(
    theme: &Theme,
    review: &Review,
    chart: &RecoveryChart,
    selected: usize,
    braille: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<Option<u16>> {
    let mut columns = vec![None; chart.markers.len()];
    let Some(scale) = Scale::new(chart) else {
        return columns;
    };
    if area.height < 3 || area.width < 12 {
        return columns;
    }
    let [bottom, top] = scale.y_bounds();

    let moments: Vec<[(f64, f64); 2]> = chart
        .markers
        .iter()
        .map(|m| {
            let x = scale.x(m.at);
            [(x, bottom), (x, top)]
        })
        .collect();
    // The step line: from the start level, flat until each event, then
    // down or up by its step.
    let mut line = Vec::with_capacity(chart.points.len() * 2 + 1);
    let mut level = 0.0;
    for p in &chart.points {
        let x = scale.x(p.at);
        line.push((x, level));
        level = f64::from(p.distance);
        line.push((x, level));
    }
    let by_impact: Vec<Vec<(f64, f64)>> = IMPACTS
        .iter()
        .map(|&i| {
            chart
                .points
                .iter()
                .filter(|p| p.impact == i)
                .map(|p| (scale.x(p.at), f64::from(p.distance)))
                .collect()
        })
        .collect();
    let chosen = chart.points.get(selected);
    let chosen_point: Vec<(f64, f64)> = chosen
        .map(|p| (scale.x(p.at), f64::from(p.distance)))
        .into_iter()
        .collect();

    // Bottom to top: key moments, the line, the points, the selection.
    // Points are drawn with the line's marker, so that they fall in the
    // very cells where the line turns.
    let marker = if braille {
        symbols::Marker::Braille
    } else {
        symbols::Marker::Dot
    };
    let three = area.width >= 40;
    let axes = |datasets: Vec<Dataset<'_>>, buf: &mut Buffer| {
        let x_axis = Axis::default()
            .bounds(scale.x_bounds())
            .labels(muted(theme, scale.x_labels(review, three)))
            .labels_alignment(Alignment::Center)
            .style(theme.border);
        let y_axis = Axis::default()
            .bounds(scale.y_bounds())
            .labels(muted(theme, scale.y_labels()))
            .labels_alignment(Alignment::Right)
            .style(theme.border);
        Chart::new(datasets)
            .style(theme.overlay)
            .legend_position(None)
            .x_axis(x_axis)
            .y_axis(y_axis)
            .render(area, buf);
    };
    let glyph = symbols::Marker::Custom(moment_glyph(braille));
    fn moment_line<'a>(
        data: &'a [(f64, f64)],
        glyph: symbols::Marker,
        style: Style,
    ) -> Dataset<'a> {
        Dataset::default()
            .data(data)
            .graph_type(GraphType::Line)
            .marker(glyph)
            .style(style)
    }
    fn scatter(data: &[(f64, f64)], marker: symbols::Marker) -> Dataset<'_> {
        Dataset::default()
            .data(data)
            .graph_type(GraphType::Scatter)
            .marker(marker)
    }
    // Where each layer lands: the chart drawn with that layer alone,
    // compared with the chart drawn with none.
    let mut empty = Buffer::empty(area);
    axes(Vec::new(), &mut empty);
    let cells = |dataset: Dataset<'_>| -> Vec<(u16, u16)> {
        let mut alone = Buffer::empty(area);
        axes(vec![dataset], &mut alone);
        let mut out = Vec::new();
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if alone.cell((x, y)) != empty.cell((x, y)) {
                    out.push((x, y));
                }
            }
        }
        out
    };
    for (column, data) in columns.iter_mut().zip(&moments) {
        *column = cells(moment_line(data, glyph, theme.muted))
            .first()
            .map(|(x, _)| *x);
    }
    let mut datasets: Vec<Dataset> = moments
        .iter()
        .map(|data| moment_line(data, glyph, theme.muted))
        .collect();
    datasets.push(
        Dataset::default()
            .data(&line)
            .graph_type(GraphType::Line)
            .marker(marker)
            .style(theme.info),
    );
    axes(datasets, buf);
    let mut mark = |at: Vec<(u16, u16)>, symbol: &str, style: Style| {
        for xy in at {
            if let Some(cell) = buf.cell_mut(xy) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    };
    for (points, impact) in by_impact.iter().zip(IMPACTS) {
        mark(
            cells(scatter(points, marker)),
            impact.symbol(),
            theme.impact(impact),
        );
    }
    if let Some(p) = chosen {
        mark(
            cells(scatter(&chosen_point, marker)),
            p.impact.symbol(),
            theme.impact(p.impact).patch(theme.selected),
        );
    }
    columns
}
