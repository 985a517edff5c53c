using System.Globalization;
using System.Text;

namespace Salient.Output.Tests.Html;

/// <summary>Writes a small, hand-made run folder (30 days from 2024-08-06, sides blue and red, 10 replications).</summary>
internal static class SyntheticRun
{
    public static readonly DateOnly Start = new(2024, 8, 6);
    public const int Days = 30;
    public const int Replications = 10;

    public static void Write(string dir, bool cost = false, bool evidence = true, bool byCause = false)
    {
        Directory.CreateDirectory(dir);
        var s = new StringBuilder();
        s.Append("{\"format\":1,\"scenario\":{\"name\":\"toy\",\"hash\":\"abc123\",\"variant\":null},\"engine\":\"test\",\"rng\":\"philox\",\"seed\":7,\"replications\":10,");
        s.Append("\"metrics\":{");
        s.Append("\"control.area_km2.blue\":{\"mean\":100,\"p05\":80,\"p50\":100,\"p95\":120},");
        s.Append("\"control.area_km2.red\":{\"mean\":900,\"p05\":880,\"p50\":900,\"p95\":920},");
        s.Append("\"casualties.total.blue\":{\"mean\":550,\"p05\":505,\"p50\":550,\"p95\":595},");
        s.Append("\"capture.town.blue\":{\"probability\":0.8,\"mean\":\"2024-08-10\",\"p05\":\"2024-08-08\",\"p50\":\"2024-08-10\",\"p95\":\"2024-08-14\"},");
        s.Append("\"capture.village.red\":{\"probability\":0,\"mean\":null,\"p05\":null,\"p50\":null,\"p95\":null}");
        s.Append("},\"daily\":{");
        foreach (var (name, scale, first) in new[] { ("control.area_km2.blue", 10.0, true), ("control.area_km2.red", 30.0, false), ("casualties.total.blue", 20.0, false), ("casualties.total.red", 15.0, false) })
        {
            if (!first) s.Append(',');
            s.Append('"').Append(name).Append("\":[");
            for (int d = 0; d < Days; d++)
            {
                if (d > 0) s.Append(',');
                double m = scale * d;
                s.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"date\":\"{Start.AddDays(d):yyyy-MM-dd}\",\"p05\":{m * 0.8},\"p25\":{m * 0.9},\"p50\":{m},\"p75\":{m * 1.1},\"p95\":{m * 1.2}}}"));
            }
            s.Append(']');
        }
        s.Append("}}");
        File.WriteAllText(Path.Combine(dir, "summary.json"), s.ToString());

        var csv = new StringBuilder("replication,casualties.total.blue,casualties.total.red,losses.tank.blue,losses.drone.blue,losses.tank.red,losses.drone.red,capture.town.blue,capture.town.red,capture.village.red");
        if (cost) csv.Append(",cost.spent_usd.blue,cost.destroyed_usd.blue,cost.spent_usd.red,cost.destroyed_usd.red");
        if (byCause) csv.Append(",casualties.by_cause.fpv.blue,casualties.by_cause.artillery.blue,casualties.by_cause.fpv.red,casualties.by_cause.artillery.red");
        csv.Append('\n');
        for (int r = 0; r < Replications; r++)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture, $"{r},{500 + r * 10},{300 + r * 5},{r % 3},{r},{2 + r % 2},{r * 2},"));
            csv.Append(r < 8 ? Start.AddDays(2 + r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "").Append(',');
            csv.Append(r < 4 ? Start.AddDays(20 + r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "").Append(',');
            if (cost) csv.Append(string.Create(CultureInfo.InvariantCulture, $",{1e6 * (r + 1)},{2e6 * (r + 1)},{3e6},{1e6}"));
            if (byCause) csv.Append(string.Create(CultureInfo.InvariantCulture, $",{r * 3},{r * 2},{r},{r * 4}"));
            csv.Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "replications.csv"), csv.ToString());

        File.WriteAllText(Path.Combine(dir, "run.json"), $$"""
            {"format":1,"title":"Toy <campaign>","scenario":"toy","variant":null,"seed":7,"replications":10,
             "start":"{{Start:yyyy-MM-dd}}","end":"{{Start.AddDays(Days - 1):yyyy-MM-dd}}","days":{{Days}},
             "sides":[{"id":"blue","name":"Blueland","colour":"#1f5fbf"},{"id":"red","name":"Redland","colour":"#c0392b"}],
             "evidence":{{(evidence ? "true" : "false")}},"front_every_days":7}
            """);
        File.WriteAllText(Path.Combine(dir, "cells.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{"id":"town","name":"Townsville","settlements":["town","hamlet"]}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[30.1,50]},"properties":{"id":"village","name":"Village","settlements":["village"]}}]}
            """);
        if (!evidence) return;
        File.WriteAllText(Path.Combine(dir, "evidence.yaml"), """
            - id: area-inside
              statement: Blue holds 100 km2 on day 10.
              metric: control.area_km2.blue
              value: 100
              as_of: 2024-08-16
              claimant: Blue staff
              reliability: C3
            - id: area-above
              metric: control.area_km2.blue
              value: 1000
              as_of: 2024-08-16
              reliability: D4
            - id: area-below-window
              metric: control.area_km2.blue
              value: [1, 5]
              as_of: [2024-08-06, 2024-08-16]
              reliability: B2
            - id: area-outside-run
              metric: control.area_km2.blue
              value: 5
              as_of: 2025-01-01
              reliability: B2
            - id: hamlet-taken
              metric: event.capture.hamlet.blue
              value: 2024-08-11
              as_of: 2024-08-11
              reliability: B1
            - id: village-taken
              metric: event.capture.village.red
              value: 2024-08
              as_of: 2024-08
              reliability: F3
            - id: casualties-claim
              metric: casualties.total.blue
              value: 560
              as_of: 2024-09-04
              reliability: D3
            - id: force
              metric: forces.personnel.blue
              value: 12000
              as_of: 2024-08
              reliability: B2
            """);
    }
}
