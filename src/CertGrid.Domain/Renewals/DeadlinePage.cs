using System.Globalization;
using CertGrid.Domain.Errors;
namespace CertGrid.Domain.Renewals;

/// <summary>
/// The credential ids due on one day (one page of a day's bucket), stored compactly: packed ids side by side
/// in one byte array (<see cref="PackedCredentialId.Size"/> bytes each), ids that do not pack as strings. A
/// cursor per part says how far processing has got; the batch being processed is "claimed" and stays where it
/// is until completed, so removing or adding ids meanwhile never skips one. Only completed progress is stored.
/// <para>
/// Every change is also kept as a short entry (<c>+id</c>, <c>-id</c>, <c>=packedDone,otherDone</c>) until taken with
/// <see cref="TakeChanges"/>: a bucket stores those entries instead of rewriting the whole page per change, and
/// replaying them on the page as last stored whole (<see cref="FromStorage(DeadlinePageData, IEnumerable{string})"/>)
/// gives the page back exactly, order and cursors included, because every change is deterministic.
/// </para>
/// </summary>
public sealed class DeadlinePage
{
    private const int Size = PackedCredentialId.Size;
    private byte[] _packed;
    private int _count;
    private readonly List<string> _other;
    private int _packedDone;
    private int _otherDone;
    private int _packedClaimed;
    private int _otherClaimed;
    private List<string> _changes = [];

    public DeadlinePage()
        : this([], [], 0, 0)
    {
    }

    private DeadlinePage(byte[] packed, List<string> other, int packedDone, int otherDone)
    {
        _packed = packed;
        _count = packed.Length / Size;
        _other = other;
        _packedDone = _packedClaimed = Math.Clamp(packedDone, 0, _count);
        _otherDone = _otherClaimed = Math.Clamp(otherDone, 0, other.Count);
    }

    public int Count => _count + _other.Count;

    /// <summary>Ids not processed yet (including a claimed batch still in progress).</summary>
    public int Remaining => Count - _packedDone - _otherDone;

    public bool HasClaim => _packedClaimed != _packedDone || _otherClaimed != _otherDone;

    public static DeadlinePage FromStorage(DeadlinePageData data) => FromStorage(data, []);

    /// <summary>The page as stored whole, with the changes stored since replayed on it.</summary>
    public static DeadlinePage FromStorage(DeadlinePageData data, IEnumerable<string> changes)
    {
        var page = new DeadlinePage(
            data.Packed.Length % Size == 0 ? data.Packed : throw new CertGridException(ErrorCode.Internal, "A deadline page is not a whole number of entries."),
            [.. data.Other], data.PackedDone, data.OtherDone);
        foreach (var change in changes)
        {
            page.Replay(change);
        }

        page._changes = [];
        return page;
    }

    /// <summary>The changes made since the last call, oldest first, to be stored (see the class remarks).</summary>
    public IReadOnlyList<string> TakeChanges()
    {
        var taken = _changes;
        _changes = [];
        return taken;
    }

    /// <summary>A copy to store: exact-size arrays and the completed cursors.</summary>
    public DeadlinePageData ToStorage() => new(_packed.AsSpan(0, _count * Size).ToArray(), [.. _other], _packedDone, _otherDone);

    public bool Contains(string id) => IndexOf(id) is not null;

    /// <summary>Adds the id; false when it is already there.</summary>
    public bool Add(string id)
    {
        if (Contains(id))
        {
            return false;
        }

        _changes.Add(AddedChange + id);
        Span<byte> packed = stackalloc byte[Size];
        if (!PackedCredentialId.TryPack(id, packed))
        {
            _other.Add(id);
            return true;
        }

        if ((_count + 1) * Size > _packed.Length)
        {
            Array.Resize(ref _packed, Math.Max(16 * Size, _packed.Length * 2));
        }

        packed.CopyTo(_packed.AsSpan(_count * Size));
        _count++;
        return true;
    }

    /// <summary>
    /// Removes an id not yet processed (the last unprocessed one takes its place). An id already processed, or in
    /// the batch being processed, stays: it is done or about to be. Returns whether it was removed.
    /// </summary>
    public bool Remove(string id)
    {
        switch (IndexOf(id))
        {
            case (true, var i) when i >= _packedClaimed:
                _packed.AsSpan((_count - 1) * Size, Size).CopyTo(_packed.AsSpan(i * Size, Size));
                _count--;
                _changes.Add(RemovedChange + id);
                return true;
            case (false, var i) when i >= _otherClaimed:
                _other[i] = _other[^1];
                _other.RemoveAt(_other.Count - 1);
                _changes.Add(RemovedChange + id);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Claims up to <paramref name="max"/> unprocessed ids, in order, for processing.</summary>
    public IReadOnlyList<string> Claim(int max)
    {
        if (HasClaim)
        {
            throw new InvalidOperationException("A batch is already being processed.");
        }

        var ids = new List<string>(Math.Min(max, Remaining));
        while (ids.Count < max && _packedClaimed < _count)
        {
            ids.Add(PackedCredentialId.Unpack(_packed.AsSpan(_packedClaimed++ * Size, Size)));
        }

        while (ids.Count < max && _otherClaimed < _other.Count)
        {
            ids.Add(_other[_otherClaimed++]);
        }

        return ids;
    }

    /// <summary>Marks the claimed batch processed.</summary>
    public void CompleteClaim()
    {
        (_packedDone, _otherDone) = (_packedClaimed, _otherClaimed);
        _changes.Add(string.Create(CultureInfo.InvariantCulture, $"{CompletedChange}{_packedDone},{_otherDone}"));
    }

    /// <summary>Gives the claimed batch back unprocessed (its processing failed).</summary>
    public void AbandonClaim() => (_packedClaimed, _otherClaimed) = (_packedDone, _otherDone);

    /// <summary>All ids, processed or not, in order.</summary>
    public IEnumerable<string> All()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return PackedCredentialId.Unpack(_packed.AsSpan(i * Size, Size));
        }

        foreach (var id in _other)
        {
            yield return id;
        }
    }

    private const char AddedChange = '+';
    private const char RemovedChange = '-';
    private const char CompletedChange = '=';

    private void Replay(string change)
    {
        var value = change[1..];
        switch (change[0])
        {
            case AddedChange:
                Add(value);
                break;
            case RemovedChange:
                Remove(value);
                break;
            case CompletedChange when value.Split(',') is [var packed, var other]:
                _packedDone = _packedClaimed = Math.Clamp(int.Parse(packed, CultureInfo.InvariantCulture), 0, _count);
                _otherDone = _otherClaimed = Math.Clamp(int.Parse(other, CultureInfo.InvariantCulture), 0, _other.Count);
                break;
            default:
                throw new CertGridException(ErrorCode.Internal, $"'{change}' is not a deadline page change.");
        }
    }

    private (bool Packed, int Index)? IndexOf(string id)
    {
        Span<byte> packed = stackalloc byte[Size];
        if (!PackedCredentialId.TryPack(id, packed))
        {
            var index = _other.IndexOf(id);
            return index < 0 ? null : (false, index);
        }

        for (var i = 0; i < _count; i++)
        {
            if (_packed.AsSpan(i * Size, Size).SequenceEqual(packed))
            {
                return (true, i);
            }
        }

        return null;
    }
}

/// <summary>How a <see cref="DeadlinePage"/> is stored: packed ids, the ids that do not pack, and the completed cursors.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.deadline-page-data")]
public sealed record DeadlinePageData(
    [property: Id(0)] byte[] Packed,
    [property: Id(1)] IReadOnlyList<string> Other,
    [property: Id(2)] int PackedDone,
    [property: Id(3)] int OtherDone);
