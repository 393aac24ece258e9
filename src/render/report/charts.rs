//! The HTML report's charts as inline SVG (no script, no network): incidents per month
//! stacked by primary failure class, and time to stabilize per incident over time on a
//! logarithmic scale. Every label from a record is escaped.

use super::html_text::escape;
use crate::analysis::charts::Charts;
use crate::clock::format_duration;
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use rayon::prelude::*;

/// Colours for classes and severities, distinguishable in colour and in grey print.
pub(crate) const COLORS: [&str; 10] =
    ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

const WIDTH: f64 = 880.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 56.0;

/// The colour of the `index`-th series.
pub(crate) fn color(index: usize) -> &'static str {
    COLORS[index % COLORS.len()]
}

/// Stacked bars: one per month, one segment per primary class. Empty when no incident
/// has an `opened` date.
pub(crate) fn incidents_per_month(charts: &Charts) -> String {
    if charts.months.is_empty() {
        return String::new();
    }
    let max = charts.months.iter().map(|m| m.counts.iter().sum::<usize>()).max().unwrap_or(0).max(1);
    let step = max.div_ceil(5).max(1);
    let top = step * max.div_ceil(step);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / charts.months.len() as f64;
    let bar = (slot * 0.7).max(2.0);
    let y = |value: usize| TOP + plot_h - plot_h * value as f64 / top as f64;
    let mut svg = open_svg("Incidents opened per month, by primary failure class");
    for tick in (0..=top).step_by(step) {
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>",
            WIDTH - RIGHT, y(tick), y(tick), LEFT - 6.0, y(tick) + 4.0
        ));
    }
    let label_every = charts.months.len().div_ceil(24).max(1);
    for (i, month) in charts.months.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = 0;
        for (class_index, count) in month.counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            let class = charts.classes.get(class_index).map(String::as_str).unwrap_or_default();
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {count} × {}</title></rect>",
                y(base + count),
                y(base) - y(base + count),
                color(class_index),
                escape(&month.month),
                escape(class)
            ));
            base += count;
        }
        if i % label_every == 0 {
            let cx = x + bar / 2.0;
            let ly = TOP + plot_h + 10.0;
            svg.push_str(&format!(
                "<text class=\"tick\" x=\"{cx:.1}\" y=\"{ly:.1}\" text-anchor=\"end\" transform=\"rotate(-45 {cx:.1} {ly:.1})\">{}</text>",
                escape(&month.month)
            ));
        }
    }
    svg.push_str(&axes());
    svg.push_str("</svg>\n");
    svg
}

/// Ticks of the time-to-stabilize axis, in minutes.
const DURATION_TICKS: [i64; 10] = [5, 15, 30, 60, 120, 240, 720, 1440, 4320, 10080];

/// Dots: x is the date opened, y the time to stabilize (log scale), colour the
/// severity's position in `severities`. Empty when there are no points.
pub(crate) fn time_to_stabilize(charts: &Charts, severities: &[String]) -> String {
    let points = &charts.time_to_stabilize;
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return String::new() };
    let (start, end) = (month_start(first.opened), next_month(last.opened));
    let days = (end - start).num_days().max(1) as f64;
    let low = points.iter().map(|p| p.minutes.max(1)).min().unwrap_or(1);
    let high = points.iter().map(|p| p.minutes.max(1)).max().unwrap_or(1);
    let lo = DURATION_TICKS.iter().rev().find(|t| **t <= low).copied().unwrap_or(1);
    let hi = DURATION_TICKS.iter().find(|t| **t >= high).copied().unwrap_or(high.max(2));
    let (log_lo, log_hi) = ((lo as f64).ln(), (hi.max(lo + 1) as f64).ln());
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |date: NaiveDate| LEFT + plot_w * (date - start).num_days() as f64 / days;
    let y = |minutes: i64| TOP + plot_h - plot_h * ((minutes.max(1) as f64).ln() - log_lo) / (log_hi - log_lo);
    let mut svg = open_svg("Time to stabilize per incident, by date opened (log scale)");
    for tick in DURATION_TICKS.iter().copied().filter(|t| *t >= lo && *t <= hi) {
        let label = format_duration(chrono::Duration::minutes(tick));
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
            WIDTH - RIGHT, y(tick), y(tick), LEFT - 6.0, y(tick) + 4.0
        ));
    }
    let months = ((end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32).max(1) as usize;
    let every = months.div_ceil(12).max(1);
    let mut month = start;
    for i in 0..=months {
        if i % every == 0 {
            svg.push_str(&format!(
                "<line class=\"grid\" x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{1:.1}\"/><text class=\"tick\" x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\">{3}</text>",
                x(month), TOP + plot_h, TOP + plot_h + 16.0, month.format("%Y-%m")
            ));
        }
        month = next_month(month);
    }
    // Labels sit right of the dot, or left of it near the right edge, moved up or down
    // when they would overlap a label already placed: placed one after another, then
    // the points are written on every core (thousands of them at 10,000 incidents).
    let mut placed = Labels::default();
    let places: Vec<(f64, f64, f64, f64, &str)> = points
        .iter()
        .map(|point| {
            let (px, py) = (x(point.opened), y(point.minutes));
            let (lx, anchor) = if px > WIDTH - RIGHT - 70.0 { (px - 7.0, "end") } else { (px + 7.0, "start") };
            let width = 6.0 * point.id.chars().count() as f64;
            let (x0, x1) = if anchor == "end" { (lx - width, lx) } else { (lx, lx + width) };
            let ly = [0.0, -11.0, 11.0, -22.0, 22.0]
                .iter()
                .map(|dy| py + 3.0 + dy)
                .find(|ly| placed.free(x0, x1, *ly))
                .unwrap_or(py + 3.0);
            placed.add(x0, x1, ly);
            (px, py, lx, ly, anchor)
        })
        .collect();
    let written: Vec<String> = points
        .par_iter()
        .zip(&places)
        .map(|(point, &(px, py, lx, ly, anchor))| {
            let severity = point.severity.as_deref().unwrap_or("unset");
            let index = severities.iter().position(|s| s == severity).unwrap_or(severities.len());
            let duration = format_duration(chrono::Duration::minutes(point.minutes));
            format!(
                "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"5\" fill=\"{}\"><title>{} · {} · opened {} · stabilized in {duration}</title></circle><text class=\"point\" x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\">{}</text>",
                severity_color(index),
                escape(&point.id),
                escape(severity),
                point.opened,
                escape(&point.id)
            )
        })
        .collect();
    written.iter().for_each(|point| svg.push_str(point));
    svg.push_str(&axes());
    svg.push_str("</svg>\n");
    svg
}

/// The point labels placed so far, as boxes from `x0` to `x1` on a line at `y`, and
/// where they are: each is listed in every cell of a grid (64 px wide, one label line
/// high) its box spans, so finding the labels near a new one looks at a few cells rather
/// than at every label of thousands.
#[derive(Default)]
struct Labels {
    /// Per (column, row): the labels there, as `(x0, x1, y)`.
    cells: HashMap<(i64, i64), Vec<Label>>,
}

/// A placed label: from `x0` to `x1` on the line at `y`.
type Label = (f64, f64, f64);

impl Labels {
    const CELL_WIDTH: f64 = 64.0;
    const LINE: f64 = 11.0;

    /// Whether a label from `x0` to `x1` on the line at `y` overlaps none placed: none
    /// shares part of its width and sits less than a line above or below it. Such a
    /// label shares a column of cells with it and sits at most one row away.
    fn free(&self, x0: f64, x1: f64, y: f64) -> bool {
        let row = Self::row(y);
        !Self::columns(x0, x1).any(|column| {
            (row - 1..=row + 1).any(|row| {
                self.cells.get(&(column, row)).is_some_and(|labels| {
                    labels.iter().any(|(a, b, ly)| x0 < *b && *a < x1 && (y - ly).abs() < Self::LINE)
                })
            })
        })
    }

    fn add(&mut self, x0: f64, x1: f64, y: f64) {
        let row = Self::row(y);
        for column in Self::columns(x0, x1) {
            self.cells.entry((column, row)).or_default().push((x0, x1, y));
        }
    }

    fn columns(x0: f64, x1: f64) -> std::ops::RangeInclusive<i64> {
        (x0 / Self::CELL_WIDTH).floor() as i64..=(x1 / Self::CELL_WIDTH).floor() as i64
    }

    fn row(y: f64) -> i64 {
        (y / Self::LINE).floor() as i64
    }
}

/// Severity colours: the most severe first, in warm-to-cool order.
pub(crate) fn severity_color(index: usize) -> &'static str {
    const SEVERITY: [&str; 5] = ["#c0392b", "#e67e22", "#2e86c1", "#7f8c8d", "#8e44ad"];
    SEVERITY[index.min(SEVERITY.len() - 1)]
}

fn open_svg(title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        escape(title)
    )
}

fn axes() -> String {
    format!(
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{0}\"/><line class=\"axis\" x1=\"{LEFT}\" x2=\"{1}\" y1=\"{0}\" y2=\"{0}\"/>",
        HEIGHT - BOTTOM,
        WIDTH - RIGHT
    )
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn next_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 { (date.year() + 1, 1) } else { (date.year(), date.month() + 1) };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}
