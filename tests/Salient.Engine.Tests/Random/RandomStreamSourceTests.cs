using System.Buffers.Binary;
using MathNet.Numerics.Distributions;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Random;

public class RandomStreamSourceTests
{
    private const ulong Seed = 42;
    private const int Draws = 20_000;

    [Fact]
    public void NextDouble_DrawsFromTheStream()
    {
        var stream = new RandomStream(Seed, 0, StreamIds.Parameters);
        var source = new RandomStreamSource(stream);

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(stream.NextDouble(), source.NextDouble());
        }

        Assert.Equal(stream.WordsUsed, source.Stream.WordsUsed);
    }

    [Fact]
    public void Constructor_CopiesTheStream_CallerStateUnchanged()
    {
        var stream = new RandomStream(Seed, 0, StreamIds.Parameters);
        var source = new RandomStreamSource(stream);

        source.NextDouble();

        Assert.Equal(0ul, stream.WordsUsed);
        Assert.Equal(2ul, source.Stream.WordsUsed);
    }

    [Fact]
    public void IntegerOverloads_StayInRange()
    {
        var source = new RandomStreamSource(new RandomStream(Seed, 1, StreamIds.Parameters));

        for (int i = 0; i < Draws; i++)
        {
            Assert.InRange(source.Next(), 0, int.MaxValue - 1);
            Assert.InRange(source.Next(10), 0, 9);
            Assert.InRange(source.Next(-5, 5), -5, 4);
            Assert.InRange(source.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
            Assert.InRange(source.NextInt64(), 0, long.MaxValue - 1);
            Assert.InRange(source.NextInt64(1000), 0, 999);
            Assert.InRange(source.NextInt64(long.MinValue, long.MaxValue), long.MinValue, long.MaxValue - 1);
            Assert.InRange(source.NextSingle(), 0f, 0.99999994f);
        }

        Assert.Equal(0, source.Next(0));
        Assert.Equal(7, source.Next(7, 7));
        Assert.Equal(0, source.NextInt64(0));
        Assert.Equal(-3, source.NextInt64(-3, -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Next(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextInt64(5, 4));
    }

    [Fact]
    public void NextBytes_UsesLittleEndianWords_IncludingAPartialLastWord()
    {
        var stream = new RandomStream(Seed, 2, StreamIds.Parameters);
        var source = new RandomStreamSource(stream);
        byte[] bytes = new byte[11];

        source.NextBytes(bytes);

        byte[] expected = new byte[12];
        for (int word = 0; word < 3; word++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(word * 4), stream.NextUInt32());
        }

        Assert.Equal(expected[..11], bytes);
    }

    [Fact]
    public void MathNetTriangular_SamplesDeterministicallyWithinSupport()
    {
        // Triangular(0, 10, mode 3) has mean 13/3 and variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = 79/18.
        // The mean is checked to 6 standard errors.
        const double Lower = 0;
        const double Upper = 10;
        const double Mode = 3;
        const double Mean = 13.0 / 3.0;
        double tolerance = 6.0 * Math.Sqrt(79.0 / 18.0 / Draws);
        var first = new RandomStreamSource(new RandomStream(Seed, 3, StreamIds.Parameters));
        var second = new RandomStreamSource(new RandomStream(Seed, 3, StreamIds.Parameters));

        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            double x = Triangular.Sample(first, Lower, Upper, Mode);
            Assert.Equal(x, Triangular.Sample(second, Lower, Upper, Mode));
            Assert.InRange(x, Lower, Upper);
            sum += x;
        }

        Assert.InRange(sum / Draws, Mean - tolerance, Mean + tolerance);
    }
}
