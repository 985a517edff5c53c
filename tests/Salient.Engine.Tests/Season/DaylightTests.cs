using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Season;

/// <summary>
/// Daylight hours against known values and against an independent algorithm (the US Naval Observatory's "Almanac for
/// Computers" 1990 sunrise/sunset, which computes the sun's true longitude instead of NOAA's declination series).
/// </summary>
public class DaylightTests
{
    // Published day lengths are rounded to the minute and NOAA's noon declination is within a few minutes of them;
    // 6 minutes still catches a missing refraction term at the equator (7 min) and at 52°N (10 min).
    private const double SixMinutes = 6.0 / 60;

    [Theory]
    // Equinox: 12 h plus the refraction and semi-diameter lag, ~7 min at the equator and ~10 min at 52°N.
    [InlineData(0.0, "2024-03-20", 12.12)]
    [InlineData(51.7, "2024-03-20", 12.15)]
    // Kursk (51.7°N) solstices: about 16 h 39 min and 7 h 47 min (published sunrise-sunset tables for Kursk, to the minute).
    [InlineData(51.7, "2024-06-20", 16.65)]
    [InlineData(51.7, "2024-12-21", 7.79)]
    public void DaylightHours_KnownValues(double latitude, string date, double expectedHours)
    {
        double hours = SeasonModel.DaylightHours(latitude, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(hours, expectedHours - SixMinutes, expectedHours + SixMinutes);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(30.0)]
    [InlineData(51.2)]
    [InlineData(51.7)]
    [InlineData(60.0)]
    [InlineData(-35.0)]
    public void DaylightHours_AgreeWithTheUsnoAlgorithm_AllYear(double latitude)
    {
        // USNO takes the declination at sunrise and at sunset, NOAA's form one declination at noon; near the equinoxes
        // the declination moves ~0.2° in half a day, which moves day length by up to ~6 min at 52°N and ~8.5 min at 60°
        // (computed over 2024). Ten minutes covers that and still catches an error in units, sign or the hour angle.
        const double TenMinutes = 10.0 / 60;
        for (var date = new DateOnly(2024, 1, 1); date.Year == 2024; date = date.AddDays(5))
        {
            double usno = UsnoDayLength(latitude, date);
            Assert.InRange(SeasonModel.DaylightHours(latitude, date), usno - TenMinutes, usno + TenMinutes);
        }
    }

    [Fact]
    public void DaylightHours_ClampToPolarDayAndNight()
    {
        Assert.Equal(24, SeasonModel.DaylightHours(80, new DateOnly(2024, 6, 21)));
        Assert.Equal(0, SeasonModel.DaylightHours(80, new DateOnly(2024, 12, 21)));
    }

    /// <summary>Almanac for Computers (USNO, 1990), zenith 90°50′: set minus rise, in hours, at longitude 0.</summary>
    private static double UsnoDayLength(double latitude, DateOnly date)
    {
        const double Rad = Math.PI / 180;
        double Time(bool rising)
        {
            double t = date.DayOfYear + ((rising ? 6 : 18) / 24.0);
            double m = 0.9856 * t - 3.289;
            double l = Norm(m + 1.916 * Math.Sin(m * Rad) + 0.020 * Math.Sin(2 * m * Rad) + 282.634);
            double ra = Norm(Math.Atan(0.91764 * Math.Tan(l * Rad)) / Rad);
            ra += Math.Floor(l / 90) * 90 - Math.Floor(ra / 90) * 90;
            ra /= 15;
            double sinDec = 0.39782 * Math.Sin(l * Rad), cosDec = Math.Cos(Math.Asin(sinDec));
            double cosH = (Math.Cos(90.8333 * Rad) - sinDec * Math.Sin(latitude * Rad)) / (cosDec * Math.Cos(latitude * Rad));
            double h = (rising ? 360 - Math.Acos(cosH) / Rad : Math.Acos(cosH) / Rad) / 15;
            return h + ra - 0.06571 * t - 6.622;
        }
        double length = Time(false) - Time(true);
        return ((length % 24) + 24) % 24;

        static double Norm(double deg) => ((deg % 360) + 360) % 360;
    }
}
