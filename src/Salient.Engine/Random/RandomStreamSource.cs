using System.Buffers.Binary;

namespace Salient.Engine.Random;

/// <summary>
/// Adapts a <see cref="RandomStream"/> to <see cref="System.Random"/> so that MathNet.Numerics distributions can
/// sample at set-up time, e.g. <c>MathNet.Numerics.Distributions.Triangular.Sample(source, a, b, c)</c>.
/// Every virtual member of <see cref="System.Random"/> is overridden to draw from the stream, so the base class's
/// own generator is never used and results depend only on (seed, replication, stream id).
/// </summary>
/// <remarks>
/// Set-up time only: calls go through virtual dispatch. The adapter owns a copy of the stream; the caller's
/// struct is not advanced. Read <see cref="Stream"/> to get the advanced state back.
/// </remarks>
public sealed class RandomStreamSource : System.Random
{
    /// <summary>2^-24, the spacing of floats in [0.5, 1).</summary>
    private const float TwoPowMinus24 = 1.0f / 16777216.0f;

    private RandomStream _stream;

    /// <summary>Creates an adapter over a copy of <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream to draw from (copied).</param>
    public RandomStreamSource(RandomStream stream)
    {
        _stream = stream;
    }

    /// <summary>A copy of the adapter's current stream state.</summary>
    public RandomStream Stream => _stream;

    /// <summary>Returns an integer in [0, int.MaxValue).</summary>
    public override int Next() => _stream.NextInt(int.MaxValue);

    /// <summary>Returns an integer in [0, <paramref name="maxValue"/>), or 0 when <paramref name="maxValue"/> is 0.</summary>
    /// <param name="maxValue">Exclusive upper bound, &gt;= 0.</param>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : _stream.NextInt(maxValue);
    }

    /// <summary>Returns an integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>), or minValue when they are equal.</summary>
    /// <param name="minValue">Inclusive lower bound.</param>
    /// <param name="maxValue">Exclusive upper bound, &gt;= minValue.</param>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        uint range = (uint)((long)maxValue - minValue);
        return range == 0 ? minValue : (int)(minValue + (long)_stream.NextUInt32(range));
    }

    /// <summary>Returns an integer in [0, long.MaxValue).</summary>
    public override long NextInt64() => (long)_stream.NextUInt64(long.MaxValue);

    /// <summary>Returns an integer in [0, <paramref name="maxValue"/>), or 0 when <paramref name="maxValue"/> is 0.</summary>
    /// <param name="maxValue">Exclusive upper bound, &gt;= 0.</param>
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (long)_stream.NextUInt64((ulong)maxValue);
    }

    /// <summary>Returns an integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>), or minValue when they are equal.</summary>
    /// <param name="minValue">Inclusive lower bound.</param>
    /// <param name="maxValue">Exclusive upper bound, &gt;= minValue.</param>
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = unchecked((ulong)maxValue - (ulong)minValue);
        return range == 0 ? minValue : unchecked(minValue + (long)_stream.NextUInt64(range));
    }

    /// <summary>Returns a double in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => _stream.NextDouble();

    /// <summary>Returns a float in [0, 1) with 24 random bits.</summary>
    public override float NextSingle() => (_stream.NextUInt32() >> 8) * TwoPowMinus24;

    /// <summary>Fills <paramref name="buffer"/> with random bytes (little-endian words of the stream).</summary>
    /// <param name="buffer">The array to fill.</param>
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <summary>Fills <paramref name="buffer"/> with random bytes (little-endian words of the stream).</summary>
    /// <param name="buffer">The span to fill.</param>
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= sizeof(uint))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, _stream.NextUInt32());
            buffer = buffer[sizeof(uint)..];
        }

        if (!buffer.IsEmpty)
        {
            Span<byte> last = stackalloc byte[sizeof(uint)];
            BinaryPrimitives.WriteUInt32LittleEndian(last, _stream.NextUInt32());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    /// <summary>Returns a double in [0, 1); used by the base class's non-overridden members, if any.</summary>
    protected override double Sample() => _stream.NextDouble();
}
