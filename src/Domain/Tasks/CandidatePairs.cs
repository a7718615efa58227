using System.Numerics;
using System.Runtime.InteropServices;

namespace Governance.Domain.Tasks;

/// <summary>
/// The (task, member) pairs worth considering: priority above 0, fit above 0, and the task's effort within the
/// member's capacity. Kept as flat arrays grouped by task, since a board of a thousand tasks and ten thousand members
/// has about a million pairs; a pair is named by its index. A task's pairs come best score first, then in member order.
/// </summary>
internal sealed class CandidatePairs
{
    private readonly int[] _firstPairOfTask;
    private readonly int[] _task;
    private readonly int[] _member;
    private readonly double[] _score;
    private readonly string[][] _requiredSkills;
    private readonly int[][] _requiredSkillIds;
    private readonly int[][] _memberSkillIds;

    private CandidatePairs(int[] firstPairOfTask, int[] member, double[] score, string[][] requiredSkills, int[][] requiredSkillIds, int[][] memberSkillIds)
    {
        _firstPairOfTask = firstPairOfTask;
        _task = new int[member.Length];
        for (var task = 0; task + 1 < firstPairOfTask.Length; task++)
        {
            _task.AsSpan(firstPairOfTask[task]..firstPairOfTask[task + 1]).Fill(task);
        }

        _member = member;
        _score = score;
        _requiredSkills = requiredSkills;
        _requiredSkillIds = requiredSkillIds;
        _memberSkillIds = memberSkillIds;
    }

    public int Count => _member.Length;

    public int FirstOf(int task) => _firstPairOfTask[task];

    public int EndOf(int task) => _firstPairOfTask[task + 1];

    public int TaskOf(int pair) => _task[pair];

    public int Member(int pair) => _member[pair];

    /// <summary>Priority × fit.</summary>
    public double Score(int pair) => _score[pair];

    /// <summary>The task's required skills the member has, in ordinal order.</summary>
    public string[] MatchedSkills(int task, int member)
    {
        var matched = new List<string>();
        for (var index = 0; index < _requiredSkills[task].Length; index++)
        {
            if (_memberSkillIds[member].Contains(_requiredSkillIds[task][index]))
            {
                matched.Add(_requiredSkills[task][index]);
            }
        }

        return [.. matched];
    }

    public double Fit(int task, int member) =>
        _requiredSkills[task].Length == 0 ? 1.0 : (double)MatchedSkills(task, member).Length / _requiredSkills[task].Length;

    /// <summary>Tasks and members must be sorted by id; a skill index keeps the counting proportional to matches.</summary>
    public static CandidatePairs Find(OpenTask[] tasks, Volunteer[] members)
    {
        var skillIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var holders = new List<List<int>>();
        var memberSkillIds = new int[members.Length][];
        for (var member = 0; member < members.Length; member++)
        {
            var ids = new List<int>();
            foreach (var skill in members[member].Skills)
            {
                if (!skillIds.TryGetValue(skill, out var id))
                {
                    id = skillIds.Count;
                    skillIds.Add(skill, id);
                    holders.Add([]);
                }

                if (holders[id].Count == 0 || holders[id][^1] != member)
                {
                    holders[id].Add(member);
                    ids.Add(id);
                }
            }

            memberSkillIds[member] = [.. ids];
        }

        var capacities = members.Select(member => member.WeeklyCapacityHours).ToArray();
        var firstPairOfTask = new int[tasks.Length + 1];
        var requiredSkills = new string[tasks.Length][];
        var requiredSkillIds = new int[tasks.Length][];
        var pairMembers = new List<int>();
        var pairScores = new List<double>();
        var matchCounts = new int[members.Length];
        var matched = new ulong[(members.Length + 63) / 64];
        var matching = new List<int>();
        for (var task = 0; task < tasks.Length; task++)
        {
            firstPairOfTask[task] = pairMembers.Count;
            var required = tasks[task].RequiredSkills.Order(StringComparer.Ordinal).ToArray();
            requiredSkills[task] = required;
            requiredSkillIds[task] = [.. required.Select(skill => skillIds.GetValueOrDefault(skill, -1))];
            var (effort, priority) = (tasks[task].EffortHours, tasks[task].Priority);
            if (priority == 0)
            {
                continue;
            }

            matching.Clear();
            if (required.Length == 0)
            {
                for (var member = 0; member < members.Length; member++)
                {
                    if (effort <= capacities[member])
                    {
                        matching.Add(member);
                    }
                }
            }
            else
            {
                CountMatches(requiredSkillIds[task], holders, matchCounts, matched);
                FittingMatches(matched, matchCounts, capacities, effort, matching);
            }

            LeaveOutDeclined(tasks[task].DeclinedBy, members, matching, matchCounts);

            AddBestFirst(matching, matchCounts, required.Length, priority, pairMembers, pairScores);
        }

        firstPairOfTask[tasks.Length] = pairMembers.Count;
        return new CandidatePairs(firstPairOfTask, [.. pairMembers], [.. pairScores], requiredSkills, requiredSkillIds, memberSkillIds);
    }

    /// <summary>Counts each member's matching skills and marks the members with any in a bitmap.</summary>
    private static void CountMatches(int[] requiredSkillIds, List<List<int>> holders, int[] matchCounts, ulong[] matched)
    {
        foreach (var id in requiredSkillIds)
        {
            if (id < 0)
            {
                continue;
            }

            foreach (var member in CollectionsMarshal.AsSpan(holders[id]))
            {
                matchCounts[member]++;
                matched[member >> 6] |= 1UL << member;
            }
        }
    }

    /// <summary>
    /// The marked members in index order, clearing the bitmap, without the ones short of the task's hours. Walking the
    /// bitmap costs a word per 64 members plus the matches, where a sort or a scan of all members would cost more.
    /// </summary>
    private static void FittingMatches(ulong[] matched, int[] matchCounts, int[] capacities, int effort, List<int> matching)
    {
        for (var word = 0; word < matched.Length; word++)
        {
            for (var bits = matched[word]; bits != 0; bits &= bits - 1)
            {
                var member = (word << 6) + BitOperations.TrailingZeroCount(bits);
                if (effort <= capacities[member])
                {
                    matching.Add(member);
                }
                else
                {
                    matchCounts[member] = 0;
                }
            }

            matched[word] = 0;
        }
    }

    private static void LeaveOutDeclined(IReadOnlySet<string> declinedBy, Volunteer[] members, List<int> matching, int[] matchCounts)
    {
        if (declinedBy.Count == 0)
        {
            return;
        }

        matching.RemoveAll(member =>
        {
            if (!declinedBy.Contains(members[member].Id))
            {
                return false;
            }

            matchCounts[member] = 0;
            return true;
        });
    }

    /// <summary>
    /// Appends the task's pairs ordered by match count, most first, and by member index among equals: the task has
    /// one priority, so that is best score first. A counting sort, as match counts run from 0 to the required skills.
    /// </summary>
    private static void AddBestFirst(List<int> matching, int[] matchCounts, int requiredCount, double priority, List<int> pairMembers, List<double> pairScores)
    {
        var nextPairByMatches = new int[requiredCount + 1];
        foreach (var member in matching)
        {
            nextPairByMatches[matchCounts[member]]++;
        }

        var position = pairMembers.Count;
        for (var matches = requiredCount; matches >= 0; matches--)
        {
            (nextPairByMatches[matches], position) = (position, position + nextPairByMatches[matches]);
        }

        CollectionsMarshal.SetCount(pairMembers, position);
        CollectionsMarshal.SetCount(pairScores, position);
        var members = CollectionsMarshal.AsSpan(pairMembers);
        var scores = CollectionsMarshal.AsSpan(pairScores);
        foreach (var member in CollectionsMarshal.AsSpan(matching))
        {
            var matches = matchCounts[member];
            matchCounts[member] = 0;
            var pair = nextPairByMatches[matches]++;
            members[pair] = member;
            scores[pair] = priority * (requiredCount == 0 ? 1.0 : (double)matches / requiredCount);
        }
    }
}
