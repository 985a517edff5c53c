namespace Salient.Output.Html;

/// <summary>The style sheet shared by report.html and compare.html, so the two pages read as one product.</summary>
public static class ReportStyle
{
    /// <summary>The inline CSS of the report pages.</summary>
    public const string Css = """
        body { margin: 0; background: #f6f6f3; color: #1c1c1c; font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .meta { color: #555; margin: 0 0 12px; font-size: 13px; }
        .lede { color: #333; }
        figure { margin: 16px 0 24px; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e5e5e5; }
        figcaption { font-size: 13px; color: #444; margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left; vertical-align: top; }
        table.outcomes td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        thead th { background: #f0f0ec; }
        code { font-size: 12px; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
        .grade { font-weight: bold; padding: 0 4px; border-radius: 3px; color: #fff; background: #7f8c8d; }
        .grade.ga, .grade.gb { background: #1e8449; } .grade.gc { background: #ca6f1e; } .grade.gd { background: #922b21; }
        .grade.ge { background: #6c3483; } .grade.gf { background: #424949; }
        .fit-inside { color: #1e8449; } .fit-above, .fit-below, .fit-never { color: #922b21; font-weight: bold; }
        details { margin: 12px 0; } summary { cursor: pointer; color: #333; }
        footer { margin-top: 40px; font-size: 12px; color: #666; }
        .finding { margin: 6px 0 10px; }
        section#findings { background: #fafaf7; border: 1px solid #e6e6df; border-radius: 4px; padding: 4px 16px 8px; }
        section#findings h2 { margin-top: 12px; }
        figure.map { margin: 8px 0 16px; }
        .panels { display: flex; flex-wrap: wrap; gap: 10px; }
        .panel svg { display: block; max-width: 100%; height: auto; border: 1px solid #e5e5e5; background: #fff; }
        .panel svg text { font: 11px "DejaVu Sans", Helvetica, Arial, sans-serif; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .panel-date { font-size: 13px; color: #333; margin: 2px 0 0; }
        .map-legend { font-size: 12px; color: #333; margin: 8px 0 2px; display: flex; align-items: center; flex-wrap: wrap; gap: 6px; }
        .map-legend .ramp { display: inline-block; width: 120px; height: 10px; border: 1px solid #ccc; }
        .key-front { display: inline-block; width: 22px; border-top: 2px solid #111; margin-left: 12px; }
        .key-border { display: inline-block; width: 22px; border-top: 1px dashed #555; margin-left: 12px; }
        h3 { font-size: 16px; margin: 20px 0 6px; }

        """;
}
