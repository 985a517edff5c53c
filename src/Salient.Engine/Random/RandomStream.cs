using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Salient.Engine.Random;

/// <summary>
/// A counter-based random stream keyed by (seed, replication, stream id), built on <see cref="Philox4x32"/>.
/// Block <c>i</c> of the stream is <c>Philox4x32(counter = (i lo, i hi, replication, stream), key = (seed lo, seed hi))</c>,
/// so every (seed, replication, stream) triple owns a disjoint counter space of 2^64 blocks (2^66 words).
/// </summary>
/// <remarks>
/// This is a mutable struct: pass it by <c>ref</c>. Copying it forks the state (both copies then produce the
/// same numbers), which is almost never what you want. <c>default(RandomStream)</c> is the valid stream
/// (seed 0, replication 0, stream 0). Not thread-safe; give each thread or subsystem its own stream id.
/// </remarks>
public struct RandomStream
{
    /// <summary>2^-53: one unit in the last place of a double in [0.5, 1).</summary>
    private const double TwoPowMinus53 = 1.0 / 9007199254740992.0;

    /// <summary>2^-52.</summary>
    private const double TwoPowMinus52 = 1.0 / 4503599627370496.0;

    private const int WordsPerBlock = 4;

    /// <summary>Blocks generated at a time (<see cref="Philox4x32.Blocks4"/>).</summary>
    private const int BlocksPerBatch = 4;

    private const int BatchWords = WordsPerBlock * BlocksPerBatch;

    private readonly uint _key0;
    private readonly uint _key1;
    private readonly uint _replication;
    private readonly uint _stream;
    private ulong _blocksGenerated;
    private Philox4x32.Words16 _words; // the batch, word j of block b at [4 j + b] (Philox4x32.Blocks4)
    private int _wordsLeft;

    /// <summary>Creates the stream for one (seed, replication, stream id) triple, positioned at its first word.</summary>
    /// <param name="seed">Experiment seed (the Philox key).</param>
    /// <param name="replication">Replication index (Monte Carlo run number).</param>
    /// <param name="stream">Subsystem stream id; see <see cref="StreamIds"/>.</param>
    public RandomStream(ulong seed, uint replication, uint stream)
    {
        _key0 = unchecked((uint)seed);
        _key1 = (uint)(seed >> 32);
        _replication = replication;
        _stream = stream;
    }

    /// <summary>The experiment seed this stream was created with.</summary>
    public readonly ulong Seed => ((ulong)_key1 << 32) | _key0;

    /// <summary>The replication index this stream was created with.</summary>
    public readonly uint Replication => _replication;

    /// <summary>The stream id this stream was created with.</summary>
    public readonly uint Stream => _stream;

    /// <summary>Number of Philox blocks the words consumed so far come from (each block is four 32-bit words).</summary>
    /// <remarks>The blocks drawn from, ceil(<see cref="WordsUsed"/> / 4): the stream computes four at a time, but
    /// what it has consumed, and so this count, is as if it computed each block when its first word was drawn.</remarks>
    public readonly ulong BlocksUsed => unchecked((WordsUsed + WordsPerBlock - 1) / WordsPerBlock);

    /// <summary>Number of 32-bit words consumed so far; identifies the exact stream position.</summary>
    public readonly ulong WordsUsed => unchecked((_blocksGenerated * WordsPerBlock) - (ulong)_wordsLeft);

    /// <summary>Returns the next uniformly distributed 32-bit word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_wordsLeft == 0)
        {
            Refill();
        }

        int index = BatchWords - _wordsLeft;
        _wordsLeft--;
        // Word index = 4 block + j, stored at 4 j + block.
        return _words[((index & (WordsPerBlock - 1)) << 2) | (index >> 2)];
    }

    /// <summary>Returns the next uniformly distributed 64-bit value (low word drawn first, then high word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong low = NextUInt32();
        ulong high = NextUInt32();
        return (high << 32) | low;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits (a multiple of 2^-53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => UInt64ToDouble(NextUInt64());

    /// <summary>
    /// Returns a uniform double in the open interval (0, 1): never 0 and never 1, so it is safe for
    /// <c>Math.Log</c>. The value is (j + 0.5) * 2^-52 for a uniform 52-bit j, so the smallest value is 2^-53.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleOpen() => UInt64ToDoubleOpen(NextUInt64());

    /// <summary>Returns a uniform integer in [0, <paramref name="exclusiveMax"/>) without modulo bias (Lemire's method).</summary>
    /// <param name="exclusiveMax">Exclusive upper bound; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclusiveMax"/> is zero or negative.</exception>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            ThrowNotPositive(exclusiveMax);
        }

        return (int)NextUInt32((uint)exclusiveMax);
    }

    /// <summary>
    /// Returns a uniform integer in [0, <paramref name="exclusiveMax"/>) without modulo bias
    /// (Lemire, "Fast random integer generation in an interval", 2019).
    /// </summary>
    /// <param name="exclusiveMax">Exclusive upper bound; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclusiveMax"/> is zero.</exception>
    public uint NextUInt32(uint exclusiveMax)
    {
        if (exclusiveMax == 0)
        {
            ThrowNotPositive(exclusiveMax);
        }

        unchecked
        {
            ulong product = (ulong)NextUInt32() * exclusiveMax;
            uint low = (uint)product;
            if (low < exclusiveMax)
            {
                // 2^32 mod exclusiveMax: the number of low values that would make some results over-represented.
                uint threshold = (0u - exclusiveMax) % exclusiveMax;
                while (low < threshold)
                {
                    product = (ulong)NextUInt32() * exclusiveMax;
                    low = (uint)product;
                }
            }

            return (uint)(product >> 32);
        }
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="exclusiveMax"/>) without modulo bias (64-bit Lemire).</summary>
    /// <param name="exclusiveMax">Exclusive upper bound; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclusiveMax"/> is zero.</exception>
    public ulong NextUInt64(ulong exclusiveMax)
    {
        if (exclusiveMax == 0)
        {
            ThrowNotPositive(exclusiveMax);
        }

        unchecked
        {
            ulong high = Math.BigMul(NextUInt64(), exclusiveMax, out ulong low);
            if (low < exclusiveMax)
            {
                ulong threshold = (0ul - exclusiveMax) % exclusiveMax;
                while (low < threshold)
                {
                    high = Math.BigMul(NextUInt64(), exclusiveMax, out low);
                }
            }

            return high;
        }
    }

    /// <summary>Maps 64 random bits to [0, 1) using the top 53 bits: <c>(bits &gt;&gt; 11) * 2^-53</c>.</summary>
    /// <param name="bits">Uniform random bits.</param>
    public static double UInt64ToDouble(ulong bits) => (bits >> 11) * TwoPowMinus53;

    /// <summary>Maps 64 random bits to (0, 1) using the top 52 bits: <c>((bits &gt;&gt; 12) + 0.5) * 2^-52</c>.</summary>
    /// <param name="bits">Uniform random bits.</param>
    /// <remarks>52 rather than 53 bits so that j + 0.5 stays exactly representable and the result can never round to 1.</remarks>
    public static double UInt64ToDoubleOpen(ulong bits) => ((bits >> 12) + 0.5) * TwoPowMinus52;

    // PERF: four blocks at a time (Philox4x32.Blocks4 runs them side by side in vector lanes): the same words in
    // the same order as one block at a time, a third of the time a word where the draws are mostly Philox (the
    // duel's samplers). The position (WordsUsed) counts the words consumed, not the words computed ahead.
    private void Refill()
    {
        ulong block = _blocksGenerated;
        Philox4x32.Blocks4(block, _replication, _stream, _key0, _key1, ref _words);
        _blocksGenerated = unchecked(block + BlocksPerBatch);
        _wordsLeft = BatchWords;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotPositive(long exclusiveMax) =>
        throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "The exclusive upper bound must be positive.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotPositive(ulong exclusiveMax) =>
        throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "The exclusive upper bound must be positive.");
}
