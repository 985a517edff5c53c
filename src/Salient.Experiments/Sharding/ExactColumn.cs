using System.Numerics;
using System.Runtime.CompilerServices;
using Salient.Experiments.Statistics;

namespace Salient.Experiments.Sharding;

/// <summary>
/// The exact multiset of one column's values (a metric, or one series on one day) over replications, kept as compactly
/// as the values allow, with the running sum in arrival order. Gives exact R-7 percentiles and the exact mean, so a
/// summary computed from a stream of replications equals the one computed from all values held in an array.
/// </summary>
/// <remarks>
/// <para>Storage adapts to the data. While values repeat (counts, areas made of whole cells, capture days, integer
/// personnel), the column is a sorted histogram of distinct values and their counts: a million replications with a
/// thousand distinct values cost about 12 kB. Once distinct values outnumber half the values seen (a continuous
/// quantity), the column switches to the raw values, <c>sizeof(T)</c> bytes per replication, which is the worst case and
/// never more than holding the column in an array. Either way the percentiles are exact: the order statistics are the same.</para>
/// <para>Negative zero is stored as zero, so the result never depends on how a sort orders the two. NaN sorts first
/// (as <see cref="Array.Sort{T}(T[])"/> orders it) and is kept as a value; callers that want finite values only filter first.</para>
/// </remarks>
public sealed class ExactColumn<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Histograms smaller than this never switch to raw storage: they are cheap either way.</summary>
    public const int MinDistinctForRaw = 4096;

    private const int FirstPendingCapacity = 16;
    private const int MaxPendingCapacity = 4096;

    private T[] _values = [];
    private int[] _counts = [];
    private int _distinct;
    private T[] _pending = [];
    private int _pendingCount;
    private T[]? _raw;
    private int _rawCount;
    private bool _rawSorted;
    private long _count;
    private double _sum;

    /// <summary>Values added.</summary>
    public long Count => _count;

    /// <summary>Sum of the values in the order they were added (double arithmetic, as a loop over an array would do).</summary>
    public double Sum => _sum;

    /// <summary>Mean in the same arithmetic as summing an array in order and dividing by its length; NaN when empty.</summary>
    public double Mean => _count == 0 ? double.NaN : _sum / _count;

    /// <summary>Whether the column holds raw values (true) or a histogram of distinct values (false).</summary>
    public bool IsRaw => _raw is not null;

    /// <summary>Approximate bytes held by the column's storage.</summary>
    public long StorageBytes => _raw is not null
        ? (long)_raw.Length * Unsafe.SizeOf<T>()
        : (long)_values.Length * Unsafe.SizeOf<T>() + _counts.Length * 4L + (long)_pending.Length * Unsafe.SizeOf<T>();

    /// <summary>Adds one value.</summary>
    public void Add(T value)
    {
        if (T.IsZero(value)) value = T.Zero;
        _count++;
        _sum += double.CreateTruncating(value);
        _rawSorted = false;
        if (_raw is null)
        {
            int at = Array.BinarySearch(_values, 0, _distinct, value);
            if (at >= 0)
            {
                _counts[at]++;
                return;
            }
            if (_pendingCount == _pending.Length)
            {
                if (_pending.Length < MaxPendingCapacity) Array.Resize(ref _pending, Math.Max(FirstPendingCapacity, _pending.Length * 2));
                else Flush();
            }
            if (_raw is null)
            {
                _pending[_pendingCount++] = value;
                return;
            }
        }
        if (_rawCount == _raw.Length) Array.Resize(ref _raw, checked((int)Math.Min(Array.MaxLength, _raw.Length * 2L)));
        _raw[_rawCount++] = value;
    }

    /// <summary>The R-7 quantile (Hyndman-Fan type 7, numpy's default) of the values: NaN when empty.</summary>
    /// <remarks>The arithmetic of <see cref="Quantiles"/> (MathNet's <c>SortedArrayStatistics.QuantileCustom(sorted, tau, R7)</c>).</remarks>
    public double Quantile(double tau)
    {
        if (!Quantiles.TryLocate(_count, tau, out long lower, out long upper, out double fraction)) return double.NaN;
        double low = OrderStatistic(lower);
        return Quantiles.Interpolate(low, upper == lower ? low : OrderStatistic(upper), fraction);
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based), as a double.</summary>
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
        long seen = 0;
        for (int i = 0; i < _distinct; i++)
        {
            seen += _counts[i];
            if (rank < seen) return double.CreateTruncating(_values[i]);
        }
        throw new InvalidOperationException("histogram counts do not add up");
    }

    /// <summary>Merges the pending values into the histogram, switching to raw storage when the histogram stops paying.</summary>
    private void Flush()
    {
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
        // A histogram entry costs sizeof(T) + 4 bytes, a raw value sizeof(T): switch once the histogram is the larger.
        if (_distinct >= MinDistinctForRaw && (long)_distinct * (Unsafe.SizeOf<T>() + 4) > _count * Unsafe.SizeOf<T>())
            ToRaw();
    }

    private void ToRaw()
    {
        var raw = new T[checked((int)Math.Min(Array.MaxLength, Math.Max(16, _count * 2)))];
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
}
