using System.Numerics;
using Salient.Engine.Random;
using Xunit;

namespace Salient.Engine.Tests.Random;

public class PhiloxTests
{
    // Known-answer vectors for philox4x32 with 10 rounds, from Random123's kat_vectors file.
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u,
                0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
                0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u,
                0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Block_Random123KnownAnswers_Match(
        uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        uint expected0, uint expected1, uint expected2, uint expected3)
    {
        Philox4x32.Block(c0, c1, c2, c3, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);

        Assert.Equal(expected0, r0);
        Assert.Equal(expected1, r1);
        Assert.Equal(expected2, r2);
        Assert.Equal(expected3, r3);
    }

    [Fact]
    public void Block_SameInputs_SameOutputs()
    {
        Philox4x32.Block(1, 2, 3, 4, 5, 6, out uint a0, out uint a1, out uint a2, out uint a3);
        Philox4x32.Block(1, 2, 3, 4, 5, 6, out uint b0, out uint b1, out uint b2, out uint b3);

        Assert.Equal((a0, a1, a2, a3), (b0, b1, b2, b3));
    }

    [Fact]
    public void Block_OneCounterBitFlipped_ChangesAboutHalfTheOutputBits()
    {
        // Avalanche: flipping one input bit should flip each of the 128 output bits with probability 1/2.
        // Over 64 flips the total is Binomial(8192, 1/2): mean 4096, sd ~45; allow +-6 sd (270).
        const int Flips = 64;
        const int ExpectedFlippedBits = Flips * 128 / 2;
        const int Tolerance = 270;

        Philox4x32.Block(0x01234567, 0x89abcdef, 7, 11, 42, 0, out uint b0, out uint b1, out uint b2, out uint b3);
        int flipped = 0;
        for (int bit = 0; bit < Flips; bit++)
        {
            uint c0 = 0x01234567u ^ (bit < 32 ? 1u << bit : 0u);
            uint c1 = 0x89abcdefu ^ (bit >= 32 ? 1u << (bit - 32) : 0u);
            Philox4x32.Block(c0, c1, 7, 11, 42, 0, out uint r0, out uint r1, out uint r2, out uint r3);
            flipped += BitOperations.PopCount(r0 ^ b0) + BitOperations.PopCount(r1 ^ b1)
                + BitOperations.PopCount(r2 ^ b2) + BitOperations.PopCount(r3 ^ b3);
        }

        Assert.InRange(flipped, ExpectedFlippedBits - Tolerance, ExpectedFlippedBits + Tolerance);
    }

    // Blocks4 (four blocks side by side, the stream's refill) must give Block's words exactly, including where the
    // low counter word wraps into the high one and with every key and counter word far from zero.
    [Theory]
    [InlineData(0ul, 0u, 0u, 0u, 0u)]
    [InlineData(0xFFFF_FFFEul, 7u, 3u, 0x243F6A88u, 0x85A308D3u)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFEul, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu)]
    [InlineData(0x1234_5678_9ABC_DEF0ul, 0xA409_3822u, 0x299F_31D0u, 0x082E_FA98u, 0xEC4E_6C89u)]
    public void Blocks4_EqualsFourBlocks(ulong first, uint c2, uint c3, uint k0, uint k1)
    {
        var words = new Philox4x32.Words16();
        Philox4x32.Blocks4(first, c2, c3, k0, k1, ref words);
        for (int b = 0; b < 4; b++)
        {
            ulong i = unchecked(first + (ulong)b);
            Philox4x32.Block((uint)i, (uint)(i >> 32), c2, c3, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);
            Assert.Equal(r0, words[b]);
            Assert.Equal(r1, words[4 + b]);
            Assert.Equal(r2, words[8 + b]);
            Assert.Equal(r3, words[12 + b]);
        }
    }
}
