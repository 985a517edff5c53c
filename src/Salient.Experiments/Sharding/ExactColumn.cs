using System.Numerics;
using System.Runtime.CompilerServices;
using Salient.Experiments.Statistics;

namespace Salient.Experiments.Sharding;

/// <summary>
/// One column's values (a metric, or one series on one day) over replications, in bounded memory, with the running sum
/// in arrival order. Gives exact R-7 percentiles and the exact mean, so a summary computed from a stream of
/// replications equals the one computed from all values held in an array.
/// </summary>
/// <remarks>
/// <para>Storage adapts to the data, and never grows past a fixed size whatever the number of values:</para>
/// <list type="bullet">
/// <item><b>Histogram</b> (the start): a sorted list of distinct values and their counts. While the values repeat
/// (counts, areas made of whole cells, capture days, integer personnel) it stays small: a million replications with a
/// thousand distinct values cost about 12 kB. Order statistics are read off it directly.</item>
/// <item><b>Buckets</b>, once the histogram would hold more than its exact capacity (<see cref="DefaultExactCapacity"/>
/// distinct values): the counts of values per bucket, a bucket being a run of consecutive values in the total order
/// of <typeparamref name="T"/> (the leading bits of an order-preserving key, see <see cref="Key"/>); buckets merge
/// pairwise whenever there are more than <see cref="DefaultBucketCapacity"/>. The column then knows how many values lie in
/// each bucket but not the values, so its order statistics need one more look at the values:
/// <see cref="OrderStatisticSelection"/> replays the replications (from replications.parquet) and keeps only those in the
/// buckets that hold the wanted ranks, narrowing until they are exact. The percentiles stay exact, bit for bit; only
/// the memory and the passes change.</item>
/// <item><b>Raw</b>, only with an exact capacity above <see cref="MinDistinctForRaw"/> (tests and callers that want
/// no replay): the values themselves once the histogram would be larger than them.</item>
/// </list>
/// <para>Negative zero is stored as zero, so the result never depends on how a sort orders the two. NaN sorts first
/// (as <see cref="Array.Sort{T}(T[])"/> orders it) and is kept as a value; callers that want finite values only filter first.</para>
/// </remarks>
public sealed class ExactColumn<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Histograms smaller than this never switch to raw storage: they are cheap either way.</summary>
    public const int MinDistinctForRaw = 4096;

    /// <summary>Distinct values a column holds exactly before it switches to buckets (and its order statistics need a replay).</summary>
    /// <remarks>So every percentile of a run of at most this many replications is read from memory, as before.</remarks>
    public const int DefaultExactCapacity = 512;

    /// <summary>Most buckets a bucketed column keeps (they merge pairwise beyond it).</summary>
    public const int DefaultBucketCapacity = 256;

    private const int FirstPendingCapacity = 16;
    private const int MaxPendingCapacity = 256;

    private readonly int _exactCapacity;
    private readonly int _bucketCapacity;
    private T[] _values = [];
    private int[] _counts = [];
    private int _distinct;
    private T[] _pending = [];
    private int _pendingCount;
    private T[]? _raw;
    private int _rawCount;
    private bool _rawSorted;
    private ulong[]? _buckets;
    private long[] _bucketCounts = [];
    private int _shift;
    private Dictionary<long, double>? _selected;
    private long _count;
    private double _sum;

    /// <summary>An empty column with the default capacities.</summary>
    public ExactColumn()
        : this(DefaultExactCapacity)
    {
    }

    /// <summary>An empty column holding up to <paramref name="exactCapacity"/> distinct values exactly, then at most <paramref name="bucketCapacity"/> buckets.</summary>
    /// <remarks><see cref="int.MaxValue"/> as the exact capacity keeps the values in memory however many (histogram, then raw): no replay is ever needed.</remarks>
    public ExactColumn(int exactCapacity, int bucketCapacity = DefaultBucketCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exactCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCapacity, 2);
        _exactCapacity = exactCapacity;
        _bucketCapacity = bucketCapacity;
    }

    /// <summary>Values added.</summary>
    public long Count => _count;

    /// <summary>Sum of the values in the order they were added (double arithmetic, as a loop over an array would do).</summary>
    public double Sum => _sum;

    /// <summary>Mean in the same arithmetic as summing an array in order and dividing by its length; NaN when empty.</summary>
    public double Mean => _count == 0 ? double.NaN : _sum / _count;

    /// <summary>Whether the column holds raw values (true) or a histogram of distinct values (false).</summary>
    public bool IsRaw => _raw is not null;

    /// <summary>Whether the column holds bucket counts only, so its order statistics must be selected by a replay.</summary>
    public bool IsBucketed => _buckets is not null;

    /// <summary>Approximate bytes held by the column's storage.</summary>
    public long StorageBytes => (_raw?.LongLength ?? 0) * Unsafe.SizeOf<T>()
        + (long)_values.Length * Unsafe.SizeOf<T>() + _counts.Length * 4L + (long)_pending.Length * Unsafe.SizeOf<T>()
        + (_buckets?.LongLength ?? 0) * 16L;

    /// <summary>Bits of the order-preserving key of <typeparamref name="T"/> (32 for float, 64 for double).</summary>
    public static int KeyBits => Unsafe.SizeOf<T>() * 8;

    /// <summary>Adds one value.</summary>
    public void Add(T value)
    {
        if (T.IsZero(value)) value = T.Zero;
        _count++;
        _sum += double.CreateTruncating(value);
        _rawSorted = false;
        _selected = null;
        if (_buckets is not null)
        {
            ulong prefix = Key(value) >> _shift;
            int hit = Array.BinarySearch(_buckets, prefix);
            if (hit >= 0)
            {
                _bucketCounts[hit]++;
                return;
            }
            Pend(value);
            return;
        }
        if (_raw is null)
        {
            int at = Array.BinarySearch(_values, 0, _distinct, value);
            if (at >= 0)
            {
                _counts[at]++;
                return;
            }
            Pend(value);
            return;
        }
        AppendRaw(value);
    }

    private void Pend(T value)
    {
        if (_pendingCount == _pending.Length)
        {
            if (_pending.Length < MaxPendingCapacity) Array.Resize(ref _pending, Math.Max(FirstPendingCapacity, _pending.Length * 2));
            else Flush();
        }
        // The flush just above may have switched to raw storage.
        if (_raw is not null) AppendRaw(value);
        else _pending[_pendingCount++] = value;
    }

    private void AppendRaw(T value)
    {
        if (_rawCount == _raw!.Length) Array.Resize(ref _raw, checked((int)Math.Min(Array.MaxLength, _raw.Length * 2L)));
        _raw[_rawCount++] = value;
        if (_rawCount > _exactCapacity) RawToBuckets();
    }

    /// <summary>The R-7 quantile (Hyndman-Fan type 7, numpy's default) of the values: NaN when empty.</summary>
    /// <remarks>The arithmetic of <see cref="Quantiles"/> (MathNet's <c>SortedArrayStatistics.QuantileCustom(sorted, tau, R7)</c>).
    /// A bucketed column answers only for the ranks a selection has found (<see cref="OrderStatisticSelection"/>).</remarks>
    public double Quantile(double tau)
    {
        if (!Quantiles.TryLocate(_count, tau, out long lower, out long upper, out double fraction)) return double.NaN;
        double low = OrderStatistic(lower);
        return Quantiles.Interpolate(low, upper == lower ? low : OrderStatistic(upper), fraction);
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based), as a double.</summary>
    /// <exception cref="InvalidOperationException">The column is bucketed and no selection has found that rank.</exception>
    public double OrderStatistic(long rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, _count);
        if (_raw is not null)
        {
            if (!_rawSorted)
            {
                Array.Sort(_raw, 0, _rawCount);
                _rawSorted = true;
            }
            return double.CreateTruncating(_raw[rank]);
        }
        if (_pendingCount > 0) Flush();
        if (_raw is not null) return OrderStatistic(rank);
        if (_buckets is not null)
        {
            if (_selected is not null && _selected.TryGetValue(rank, out double value)) return value;
            throw new InvalidOperationException($"order statistic {rank} of a bucketed column was not selected: replay the values (OrderStatisticSelection)");
        }
        long seen = 0;
        for (int i = 0; i < _distinct; i++)
        {
            seen += _counts[i];
            if (rank < seen) return double.CreateTruncating(_values[i]);
        }
        throw new InvalidOperationException("histogram counts do not add up");
    }

    /// <summary>
    /// For a bucketed column: the bucket holding order statistic <paramref name="rank"/> (its key prefix at <see cref="Shift"/>),
    /// the number of values in earlier buckets and in this one.
    /// </summary>
    internal (ulong Prefix, long Before, long Count) Locate(long rank)
    {
        if (_pendingCount > 0) Flush();
        if (_buckets is null) throw new InvalidOperationException("the column is not bucketed");
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            if (rank < seen + _bucketCounts[i]) return (_buckets[i], seen, _bucketCounts[i]);
            seen += _bucketCounts[i];
        }
        throw new InvalidOperationException("bucket counts do not add up");
    }

    /// <summary>Merges the values waiting in the pending buffer, which may switch the storage (to buckets, past the exact capacity).</summary>
    internal void FlushPending()
    {
        if (_pendingCount > 0) Flush();
    }

    /// <summary>Bits dropped from the key to make a bucket's prefix (bucketed columns).</summary>
    internal int Shift => _shift;

    /// <summary>Records order statistic <paramref name="rank"/>, found by a replay.</summary>
    internal void Select(long rank, double value) => (_selected ??= [])[rank] = value;

    /// <summary>
    /// The order-preserving key of <paramref name="value"/>: keys compare as <see cref="Array.Sort{T}(T[])"/> orders the
    /// values (every NaN is key 0, first; negative zero is zero). Bits above <see cref="KeyBits"/> are zero.
    /// </summary>
    public static ulong Key(T value)
    {
        if (T.IsNaN(value)) return 0;
        if (T.IsZero(value)) value = T.Zero;
        if (typeof(T) == typeof(float))
        {
            uint bits = BitConverter.SingleToUInt32Bits(Unsafe.As<T, float>(ref value));
            return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        }
        ulong b = BitConverter.DoubleToUInt64Bits(double.CreateTruncating(value));
        return (b & 0x8000_0000_0000_0000ul) != 0 ? ~b : b | 0x8000_0000_0000_0000ul;
    }

    /// <summary>The value of key <paramref name="key"/> (the inverse of <see cref="Key"/>), as a double.</summary>
    public static double ValueOf(ulong key)
    {
        if (key == 0) return double.NaN;
        if (typeof(T) == typeof(float))
        {
            uint k = (uint)key;
            uint bits = (k & 0x8000_0000u) != 0 ? k & 0x7FFF_FFFFu : ~k;
            return BitConverter.UInt32BitsToSingle(bits);
        }
        ulong b = (key & 0x8000_0000_0000_0000ul) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFul : ~key;
        return BitConverter.UInt64BitsToDouble(b);
    }

    /// <summary>Merges the pending values into the histogram or the buckets, switching storage when the histogram stops paying or outgrows its capacity.</summary>
    private void Flush()
    {
        if (_buckets is not null)
        {
            FlushBuckets();
            return;
        }
        Array.Sort(_pending, 0, _pendingCount);
        int runs = 0;
        for (int i = 0; i < _pendingCount; i++)
            if (i == 0 || _pending[i].CompareTo(_pending[i - 1]) != 0) runs++;
        var values = new T[_distinct + runs];
        var counts = new int[_distinct + runs];
        int a = 0, b = 0, n = 0;
        while (a < _distinct || b < _pendingCount)
        {
            if (b >= _pendingCount || (a < _distinct && _values[a].CompareTo(_pending[b]) < 0))
            {
                values[n] = _values[a];
                counts[n++] = _counts[a++];
                continue;
            }
            T v = _pending[b];
            int c = 0;
            while (b < _pendingCount && _pending[b].CompareTo(v) == 0) { b++; c++; }
            if (a < _distinct && _values[a].CompareTo(v) == 0) c += _counts[a++];
            values[n] = v;
            counts[n++] = c;
        }
        _values = values;
        _counts = counts;
        _distinct = n;
        _pendingCount = 0;
        if (_distinct > _exactCapacity)
        {
            HistogramToBuckets();
            return;
        }
        // A histogram entry costs sizeof(T) + 4 bytes, a raw value sizeof(T): switch once the histogram is the larger.
        if (_distinct >= MinDistinctForRaw && (long)_distinct * (Unsafe.SizeOf<T>() + 4) > _count * Unsafe.SizeOf<T>())
        {
            if (_count > _exactCapacity) HistogramToBuckets();
            else ToRaw();
        }
    }

    private void ToRaw()
    {
        var raw = new T[checked((int)Math.Min(Array.MaxLength, Math.Min((long)_exactCapacity + 1, Math.Max(16L, _count * 2))))];
        int n = 0;
        for (int i = 0; i < _distinct; i++)
            for (int c = 0; c < _counts[i]; c++) raw[n++] = _values[i];
        for (int i = 0; i < _pendingCount; i++) raw[n++] = _pending[i];
        _raw = raw;
        _rawCount = n;
        _values = [];
        _counts = [];
        _pending = [];
        _distinct = 0;
        _pendingCount = 0;
    }

    /// <summary>The histogram (sorted, distinct) becomes buckets of one value each (shift 0), then merges down to capacity.</summary>
    private void HistogramToBuckets()
    {
        var keys = new ulong[_distinct];
        var counts = new long[_distinct];
        for (int i = 0; i < _distinct; i++)
        {
            keys[i] = Key(_values[i]);
            counts[i] = _counts[i];
        }
        _values = [];
        _counts = [];
        _distinct = 0;
        _shift = 0;
        SetBuckets(keys, counts, keys.Length);
    }

    private void RawToBuckets()
    {
        var raw = _raw!;
        int n = _rawCount;
        var keys = new ulong[n];
        for (int i = 0; i < n; i++) keys[i] = Key(raw[i]);
        Array.Sort(keys);
        var counts = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            if (m > 0 && keys[m - 1] == keys[i]) { counts[m - 1]++; continue; }
            keys[m] = keys[i];
            counts[m++] = 1;
        }
        _raw = null;
        _rawCount = 0;
        _shift = 0;
        _pending = [];
        SetBuckets(keys, counts, m);
    }

    private void FlushBuckets()
    {
        var keys = new ulong[_pendingCount];
        for (int i = 0; i < _pendingCount; i++) keys[i] = Key(_pending[i]) >> _shift;
        Array.Sort(keys);
        var buckets = _buckets!;
        var merged = new ulong[buckets.Length + keys.Length];
        var counts = new long[merged.Length];
        int a = 0, b = 0, n = 0;
        while (a < buckets.Length || b < keys.Length)
        {
            if (b >= keys.Length || (a < buckets.Length && buckets[a] < keys[b]))
            {
                merged[n] = buckets[a];
                counts[n++] = _bucketCounts[a++];
                continue;
            }
            ulong k = keys[b];
            long c = 0;
            while (b < keys.Length && keys[b] == k) { b++; c++; }
            if (a < buckets.Length && buckets[a] == k) c += _bucketCounts[a++];
            merged[n] = k;
            counts[n++] = c;
        }
        _pendingCount = 0;
        SetBuckets(merged, counts, n);
    }

    /// <summary>Keeps the first <paramref name="n"/> sorted prefixes, merging neighbours (one more bit dropped) until they fit the capacity.</summary>
    private void SetBuckets(ulong[] keys, long[] counts, int n)
    {
        while (n > _bucketCapacity && _shift < KeyBits - 1)
        {
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                ulong k = keys[i] >> 1;
                if (m > 0 && keys[m - 1] == k) { counts[m - 1] += counts[i]; continue; }
                keys[m] = k;
                counts[m++] = counts[i];
            }
            n = m;
            _shift++;
        }
        _buckets = keys.AsSpan(0, n).ToArray();
        _bucketCounts = counts.AsSpan(0, n).ToArray();
        if (_pending.Length == 0) _pending = new T[FirstPendingCapacity];
    }
}
