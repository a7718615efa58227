namespace Governance.Domain.Cooperatives.Imports;

/// <summary>
/// One import file's running outcome as its lines are read and its batches decided: how many lines were read, added,
/// existing and refused; the first refusals by line number (at most <c>maxRefusalsListed</c>; the count covers all);
/// and the ids earlier batches settled, so an id counts once per file however far apart its lines are. Lines past
/// <c>maxLines</c> are each refused as <see cref="ImportRefusalCodes.TooManyLines"/>.
/// Memory: O(distinct ids settled), which the line cap bounds, plus the listed refusals.
/// </summary>
public sealed class MemberImportTally
{
    private readonly long _maxLines;
    private readonly int _maxRefusalsListed;
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);
    private readonly List<ImportRefusal> _refusals = [];

    public MemberImportTally(long maxLines, int maxRefusalsListed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRefusalsListed, 0);
        _maxLines = maxLines;
        _maxRefusalsListed = maxRefusalsListed;
    }

    /// <summary>Lines that held a record (blank lines and a CSV header are not counted), past the cap included.</summary>
    public long Lines { get; private set; }

    public long Added { get; private set; }

    public long Existing { get; private set; }

    public long Refused { get; private set; }

    /// <summary>Whether the cap is reached: every further line is refused, so it need not even be parsed.</summary>
    public bool IsFull => Lines >= _maxLines;

    /// <summary>The first refusals by line number, at most the listed cap.</summary>
    public IReadOnlyList<ImportRefusal> Refusals
    {
        get
        {
            Trim();
            return [.. _refusals];
        }
    }

    /// <summary>Counts a line read; true when it goes on to the cooperative, false when it is refused here.</summary>
    public bool Admit(ImportLine line)
    {
        if (!Count(line.Number))
        {
            return false;
        }

        if (line.Id is not null && _settled.Contains(line.Id))
        {
            Refuse(MemberImports.Duplicate(line));
            return false;
        }

        return true;
    }

    /// <summary>Counts a line that could not be read as a record, refused for that reason (or for the cap, past it).</summary>
    public void Reject(ImportRefusal refusal)
    {
        if (Count(refusal.Line))
        {
            Refuse(refusal);
        }
    }

    /// <summary>Records what the cooperative decided for a batch of admitted lines; their ids count as seen from now on.</summary>
    public void Settle(IReadOnlyList<ImportLine> batch, long added, long existing, IReadOnlyList<ImportRefusal> refused)
    {
        var refusedLines = refused.Select(refusal => refusal.Line).ToHashSet();
        foreach (var line in batch)
        {
            if (line.Id is not null && !refusedLines.Contains(line.Number))
            {
                _settled.Add(line.Id);
            }
        }

        Added += added;
        Existing += existing;
        foreach (var refusal in refused)
        {
            Refuse(refusal);
        }
    }

    /// <summary>
    /// The batch's lines whose ids no batch has settled since they were admitted, the others refused as duplicates:
    /// a batch read while the one before it was on its way is checked again once that one settles.
    /// </summary>
    public List<ImportLine> WithoutSettled(List<ImportLine> batch)
    {
        var unsettled = new List<ImportLine>(batch.Count);
        foreach (var line in batch)
        {
            if (line.Id is not null && _settled.Contains(line.Id))
            {
                Refuse(MemberImports.Duplicate(line));
            }
            else
            {
                unsettled.Add(line);
            }
        }

        return unsettled;
    }

    private bool Count(long line)
    {
        Lines++;
        if (Lines <= _maxLines)
        {
            return true;
        }

        Refuse(new ImportRefusal(
            line, ImportRefusalCodes.TooManyLines, $"An import takes at most {_maxLines} lines; send this one in another request."));
        return false;
    }

    private void Refuse(ImportRefusal refusal)
    {
        Refused++;
        _refusals.Add(refusal);

        // Batches settle after later lines were already refused while reading, so refusals come in slightly out of
        // order; trimming only past twice the cap keeps the cost O(1) per refusal on average.
        if (_refusals.Count > 2 * Math.Max(_maxRefusalsListed, 1))
        {
            Trim();
        }
    }

    private void Trim()
    {
        _refusals.Sort((left, right) => left.Line.CompareTo(right.Line));
        if (_refusals.Count > _maxRefusalsListed)
        {
            _refusals.RemoveRange(_maxRefusalsListed, _refusals.Count - _maxRefusalsListed);
        }
    }
}
