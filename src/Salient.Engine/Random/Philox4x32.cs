using System.Runtime.CompilerServices;

namespace Salient.Engine.Random;

/// <summary>
/// The Philox4x32-10 counter-based bijection (Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
/// as easy as 1, 2, 3", SC 2011; the Random123 library). One call maps a 128-bit counter and a 64-bit key
/// to four statistically independent 32-bit words. There is no hidden state: the same counter and key
/// always give the same block, which is what makes replications reproducible and order-independent.
/// </summary>
public static class Philox4x32
{
    /// <summary>Multiplier applied to counter word 0 in each round.</summary>
    public const uint Multiplier0 = 0xD2511F53;

    /// <summary>Multiplier applied to counter word 2 in each round.</summary>
    public const uint Multiplier1 = 0xCD9E8D57;

    /// <summary>Weyl increment added to key word 0 between rounds (golden ratio).</summary>
    public const uint Weyl0 = 0x9E3779B9;

    /// <summary>Weyl increment added to key word 1 between rounds (sqrt(3) - 1).</summary>
    public const uint Weyl1 = 0xBB67AE85;

    /// <summary>Number of rounds: 10, the Random123 default (7 is the smallest that passes BigCrush).</summary>
    public const int Rounds = 10;

    /// <summary>
    /// Computes one Philox4x32-10 block.
    /// </summary>
    /// <param name="c0">Counter word 0 (least significant).</param>
    /// <param name="c1">Counter word 1.</param>
    /// <param name="c2">Counter word 2.</param>
    /// <param name="c3">Counter word 3 (most significant).</param>
    /// <param name="k0">Key word 0.</param>
    /// <param name="k1">Key word 1.</param>
    /// <param name="r0">Output word 0.</param>
    /// <param name="r1">Output word 1.</param>
    /// <param name="r2">Output word 2.</param>
    /// <param name="r3">Output word 3.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
                             out uint r0, out uint r1, out uint r2, out uint r3)
    {
        // Debug builds check arithmetic overflow; Philox relies on wrap-around modulo 2^32.
        unchecked
        {
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
            for (int round = 1; round < Rounds; round++)
            {
                k0 += Weyl0;
                k1 += Weyl1;
                Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
            }
        }

        r0 = c0;
        r1 = c1;
        r2 = c2;
        r3 = c3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        unchecked
        {
            ulong product0 = (ulong)Multiplier0 * c0;
            ulong product1 = (ulong)Multiplier1 * c2;
            uint hi0 = (uint)(product0 >> 32);
            uint lo0 = (uint)product0;
            uint hi1 = (uint)(product1 >> 32);
            uint lo1 = (uint)product1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
        }
    }
}
