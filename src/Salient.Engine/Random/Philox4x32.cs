using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>Sixteen 32-bit words: four blocks as <see cref="Blocks4"/> stores them.</summary>
    [InlineArray(16)]
    internal struct Words16
    {
        private uint _element0;
    }

    /// <summary>
    /// Blocks <paramref name="first"/> .. <paramref name="first"/> + 3 (block i has counter (i lo, i hi, c2, c3)):
    /// word j of block b, exactly as <see cref="Block"/> computes it, goes to <c>words[4 j + b]</c>.
    /// </summary>
    /// <remarks>
    /// PERF: a block's ten rounds are one chain of dependent multiplies (about 60 cycles); four blocks in the four
    /// 64-bit lanes of AVX2 registers run their chains side by side, VPMULUDQ giving each lane's full 32 x 32 -> 64
    /// product, the same integers as the scalar rounds. Without AVX2 the blocks are computed one by one.
    /// </remarks>
    internal static void Blocks4(ulong first, uint c2, uint c3, uint k0, uint k1, ref Words16 words)
    {
        unchecked
        {
            if (Avx2.IsSupported)
            {
                var low = Vector256.Create(0xFFFF_FFFFul);
                var x0 = Vector256.Create((ulong)(uint)first, (uint)(first + 1), (uint)(first + 2), (uint)(first + 3));
                var x1 = Vector256.Create(first >> 32, (first + 1) >> 32, (first + 2) >> 32, (first + 3) >> 32);
                var x2 = Vector256.Create((ulong)c2);
                var x3 = Vector256.Create((ulong)c3);
                var m0 = Vector256.Create((ulong)Multiplier0).AsUInt32();
                var m1 = Vector256.Create((ulong)Multiplier1).AsUInt32();
                for (int round = 0; round < Rounds; round++)
                {
                    if (round > 0)
                    {
                        k0 += Weyl0;
                        k1 += Weyl1;
                    }

                    // Every lane holds a value below 2^32, so VPMULUDQ (low 32 bits of each lane) is the full product.
                    var product0 = Avx2.Multiply(x0.AsUInt32(), m0);
                    var product1 = Avx2.Multiply(x2.AsUInt32(), m1);
                    x0 = (product1 >>> 32) ^ x1 ^ Vector256.Create((ulong)k0);
                    x1 = product1 & low;
                    x2 = (product0 >>> 32) ^ x3 ^ Vector256.Create((ulong)k1);
                    x3 = product0 & low;
                }

                ref uint at = ref words[0];
                Vector256.Narrow(x0, x1).StoreUnsafe(ref at);
                Vector256.Narrow(x2, x3).StoreUnsafe(ref at, 8);
                return;
            }

            for (int b = 0; b < 4; b++)
            {
                ulong i = first + (ulong)b;
                Block((uint)i, (uint)(i >> 32), c2, c3, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);
                words[b] = r0;
                words[4 + b] = r1;
                words[8 + b] = r2;
                words[12 + b] = r3;
            }
        }
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
