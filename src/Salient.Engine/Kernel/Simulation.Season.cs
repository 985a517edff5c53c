using Salient.Engine.Compilation;
using Salient.Engine.Random;
using Salient.Scenario.Model;

namespace Salient.Engine.Kernel;

/// <summary>
/// Seasons, daylight and weather (docs/model.md, "Seasons, daylight and weather"): per-day multipliers on drone and
/// aviation sorties, on reconnaissance detection and on movement and assault progress, precomputed once per
/// replication. Without a <c>season:</c> block every hook returns exactly 1 and nothing is drawn.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Index into <see cref="ParameterIds.Season"/>.</summary>
    private enum SeasonParameter { FoliageConcealment, NightGrounded, PrecipitationGrounded, LowCloudGrounded, MudMobility, FrozenMobility }

    private Season? _season;
    // Fixed by the scenario: [day].
    private double[] _daylight = [];
    private double[] _foliage = [];
    private byte[] _groundState = [];
    // Sampled per replication: [day], and [system * days + day] for the per-system multipliers.
    private bool[] _precipitation = [];
    private bool[] _lowCloud = [];
    private double[] _seasonMobility = [];
    private double[] _seasonSorties = [];
    private double[] _seasonDetection = [];

    private void AllocateSeason()
    {
        _season = _c.Model.Season;
        if (_season is null) return;
        _daylight = new double[_days];
        _foliage = new double[_days];
        _groundState = new byte[_days];
        for (int d = 0; d < _days; d++)
        {
            var date = _c.Model.Calendar.Start.AddDays(d);
            _daylight[d] = SeasonModel.DaylightHours(_season.LatitudeDeg, date);
            _foliage[d] = _season.Foliage.Cover(date);
            _groundState[d] = (byte)_season.GroundOn(date);
        }
        _precipitation = new bool[_days];
        _lowCloud = new bool[_days];
        _seasonMobility = new double[_days];
        _seasonSorties = new double[_k * _days];
        _seasonDetection = new double[_k * _days];
    }

    /// <summary>
    /// Draws the replication's weather from its own stream (two uniforms a day, so a higher monthly probability only
    /// adds bad days to the same replication) and precomputes every day's multipliers from the day's parameters.
    /// </summary>
    private void SampleSeason(ulong seed, uint rep)
    {
        if (_season is null) return;
        var rng = new RandomStream(seed, rep, StreamIds.Weather);
        var start = _c.Model.Calendar.Start;
        for (int d = 0; d < _days; d++)
        {
            int month = start.AddDays(d).Month - 1;
            _precipitation[d] = rng.NextDouble() < _season.PrecipitationByMonth[month];
            _lowCloud[d] = rng.NextDouble() < _season.LowCloudByMonth[month];
            double SP(SeasonParameter p) => ParameterOn(_ids.Season[(int)p], d);
            _seasonMobility[d] = SeasonModel.Mobility((GroundState)_groundState[d], SP(SeasonParameter.MudMobility), SP(SeasonParameter.FrozenMobility));
            double concealment = SeasonModel.Concealment(_foliage[d], SP(SeasonParameter.FoliageConcealment));
            foreach (var sys in _season.Systems)
            {
                double sorties = SeasonModel.Sorties(sys.Exposure, _daylight[d], sys.Thermal, _precipitation[d], _lowCloud[d],
                    SP(SeasonParameter.NightGrounded), SP(SeasonParameter.PrecipitationGrounded), SP(SeasonParameter.LowCloudGrounded));
                _seasonSorties[sys.System * _days + d] = sorties;
                _seasonDetection[sys.System * _days + d] = sorties * concealment;
            }
        }
    }

    /// <summary>Today's multiplier on the sortie rate of system <paramref name="s"/> (1 without a season block).</summary>
    private double SeasonSorties(int s) => _season is null ? 1 : _seasonSorties[s * _days + _day];

    /// <summary>Today's multiplier on the detection a sensor of system <paramref name="s"/> adds (1 without a season block).</summary>
    private double SeasonDetection(int s) => _season is null ? 1 : _seasonDetection[s * _days + _day];

    /// <summary>Today's multiplier on movement and assault progress (1 without a season block).</summary>
    private double SeasonMobility() => _season is null ? 1 : _seasonMobility[_day];

    /// <summary>The season calendar as outputs: counts of weather and ground days, and the daily series (docs/model.md).</summary>
    private static void DeclareSeasonMetrics(MetricRegistry r, CompiledScenario c)
    {
        if (c.Model.Season is null) return;
        r.Final(MetricNames.Season("precipitation_days"), MetricKind.Value, sim => Count(sim._precipitation));
        r.Final(MetricNames.Season("low_cloud_days"), MetricKind.Value, sim => Count(sim._lowCloud));
        r.Final(MetricNames.Season("mud_days"), MetricKind.Value, sim => CountState(sim._groundState, GroundState.Mud));
        r.Final(MetricNames.Season("frozen_days"), MetricKind.Value, sim => CountState(sim._groundState, GroundState.Frozen));
        r.Daily(MetricNames.Season("daylight_hours"), sim => sim._daylight[sim._day]);
        r.Daily(MetricNames.Season("foliage"), sim => sim._foliage[sim._day]);
        r.Daily(MetricNames.Season("ground_state"), sim => sim._groundState[sim._day]);
        r.Daily(MetricNames.Season("precipitation"), sim => sim._precipitation[sim._day] ? 1 : 0);
        r.Daily(MetricNames.Season("low_cloud"), sim => sim._lowCloud[sim._day] ? 1 : 0);
        r.Daily(MetricNames.Season("mobility"), sim => sim._seasonMobility[sim._day]);

        static double Count(bool[] days)
        {
            int n = 0;
            foreach (bool b in days) if (b) n++;
            return n;
        }

        static double CountState(byte[] days, GroundState state)
        {
            int n = 0;
            foreach (byte b in days) if (b == (byte)state) n++;
            return n;
        }
    }
}
