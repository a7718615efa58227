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

            foreach (var id in requiredSkillIds[task].Where(id => id >= 0))
            {
                foreach (var member in holders[id])
                {
                    matchCounts[member]++;
                }
            }

            // One scan of all members rather than a sort of the matching ones: with realistic skill pools a task
            // matches a sizeable share of members anyway, and the scan yields them in index order.
            matching.Clear();
            for (var member = 0; member < members.Length; member++)
            {
                if (matchCounts[member] > 0 || required.Length == 0)
                {
                    if (effort <= capacities[member])
                    {
                        matching.Add(member);
                    }
                    else
                    {
                        matchCounts[member] = 0;
                    }
                }
            }

            AddBestFirst(matching, matchCounts, required.Length, priority, pairMembers, pairScores);
        }

        firstPairOfTask[tasks.Length] = pairMembers.Count;
        return new CandidatePairs(firstPairOfTask, [.. pairMembers], [.. pairScores], requiredSkills, requiredSkillIds, memberSkillIds);
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
