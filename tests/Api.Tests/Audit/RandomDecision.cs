namespace Governance.Api.Tests.Audit;

/// <summary>A decision played to its close: its audit record as the API answered it, its tally or result route's body, and what happened on the way.</summary>
public sealed record PlayedDecision(string Method, string Record, JsonElement CountedResult, IReadOnlySet<string> Happened);

/// <summary>
/// A random proposal or poll over HTTP, from a seed: delegations at the default scope, on the decision's topic and on
/// another topic, and on the decision itself, some of them explicit "none"s and some in loops; members who leave
/// before opening or while voting (some of them rejoining, and then delegated to), a member who joins after opening and is delegated to,
/// ballots cast, replaced and withdrawn, cooperative delegations changed while voting, and last a weight carried
/// along a chain, a loop, a chain to someone not eligible and an explicit "none" on the decision. Every step is one the API accepts; the model below keeps track of who may still act.
/// </summary>
public sealed class RandomDecision(GovernanceClient api, Random random, string method)
{
    public const string Withdrawal = "withdrawal";
    public const string Replacement = "replacement";
    public const string LeftBeforeOpening = "left before opening";
    public const string LeftWhileVoting = "left while voting";
    public const string RejoinedAfterLeavingWhileVoting = "rejoined after leaving while voting";
    public const string JoinedAfterOpening = "joined after opening";
    public const string ChangedWhileVoting = "cooperative delegation changed while voting";

    public static readonly string[] Methods = ["majority", "schulze", "borda", "approval", "score", "quadratic", "dot"];

    private readonly HashSet<string> _current = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eligible = new(StringComparer.Ordinal);
    private readonly HashSet<string> _barred = new(StringComparer.Ordinal);
    private readonly HashSet<string> _voters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _happened = new(StringComparer.Ordinal);
    private readonly bool _proposal = method == "majority";
    private string _cooperative = "";
    private string _decision = "";
    private string? _topic;
    private string[] _items = [];
    private int _parameter;

    public async Task<PlayedDecision> Play()
    {
        string[] members = [.. Enumerable.Range(0, random.Next(5, 9)).Select(index => $"m{index}")];
        _cooperative = await api.CreateCooperative(members: members, topics: ["t", "u"]);
        _current.UnionWith(members);
        foreach (var member in members)
        {
            await MaybeDelegateInCooperative(member, null, 0.5);
            await MaybeDelegateInCooperative(member, "t", 0.5);
            await MaybeDelegateInCooperative(member, "u", 0.3);
        }

        if (Chance(0.3))
        {
            var leaver = Pick(members[1..]);
            await Leave(leaver);
            _happened.Add(LeftBeforeOpening);
            if (Chance(0.5))
            {
                await Join(leaver);
            }
        }

        _topic = Chance(0.8) ? "t" : null;
        await Create();
        foreach (var member in _current.Where(_ => Chance(0.2)).ToList())
        {
            await DelegateOnDecision(member, Chance(0.3) ? null : Pick(Others(member)));
        }

        await Expect.Ok(await api.Post(Path("open")));
        _eligible.UnionWith(_current);

        await Join("late");
        _happened.Add(JoinedAfterOpening);
        await api.DelegateByDefault(_cooperative, "late", Pick(Active));
        await api.DelegateByDefault(_cooperative, Pick(Active), "late");

        foreach (var member in Active.Where(_ => Chance(0.4)).ToList())
        {
            await DelegateOnDecision(member, Chance(0.3) ? null : Pick(OthersOnDecision(member)));
        }

        foreach (var member in Active.Where(_ => Chance(0.45)).ToList())
        {
            await Cast(member);
        }

        foreach (var voter in _voters.Where(_ => Chance(0.2)).ToList())
        {
            await Cast(voter);
            _happened.Add(Replacement);
        }

        foreach (var member in _current.Where(_ => Chance(0.2)).ToList())
        {
            await MaybeDelegateInCooperative(member, Chance(0.5) ? null : "t", 1);
            _happened.Add(ChangedWhileVoting);
        }

        foreach (var voter in _voters.Where(_ => Chance(0.25)).ToList())
        {
            await Expect.NoContent(await api.Delete(BallotPath(voter)));
            _voters.Remove(voter);
            _happened.Add(Withdrawal);
        }

        if (Chance(0.7))
        {
            await LeaveWhileVoting();
        }

        // Last, so that no later step undoes them: a weight carried along a chain, a loop, a chain to someone not eligible, a block.
        var carried = await CarryOneWeightAlongAChain();
        var free = Active.Where(member => !_voters.Contains(member) && member != carried).ToList();
        if (free.Count >= 2)
        {
            await DelegateOnDecision(free[0], free[1]);
            await DelegateOnDecision(free[1], free[0]);
            free.RemoveRange(0, 2);
        }

        if (free.Count > 0)
        {
            await DelegateOnDecision(free[0], "late");
            free.RemoveAt(0);
        }

        if (free.Count > 0)
        {
            await DelegateOnDecision(free[0], null);
        }

        await Expect.Ok(await api.Post(Path("close")));

        var audit = await api.Get(Path("audit"));
        await Expect.Ok(audit);
        var counted = await api.GetJson(Path(_proposal ? "tally" : "result"));
        return new PlayedDecision(method, await audit.Content.ReadAsStringAsync(), counted, _happened);
    }

    /// <summary>Eligible members who have not left: those who may still vote and delegate on the decision.</summary>
    private List<string> Active => [.. _eligible.Where(member => _current.Contains(member) && !_barred.Contains(member)).Order(StringComparer.Ordinal)];

    private async Task Create()
    {
        if (_proposal)
        {
            double[] quorums = [0, 0.3, 0.6];
            double[] thresholds = [0, 0.5, 0.6];
            _decision = await api.CreateProposal(_cooperative, _topic, Pick(quorums), Pick(thresholds));
            return;
        }

        _items = [.. Enumerable.Range(0, random.Next(3, 6)).Select(index => $"i{index}")];
        (string Name, object Value)[] parameter = method switch
        {
            "score" => [("maxScore", _parameter = random.Next(2, 7))],
            "quadratic" => [("creditBudget", _parameter = random.Next(5, 31))],
            "dot" => [("pointBudget", _parameter = random.Next(3, 13))],
            _ => [],
        };
        _decision = await api.CreatePoll(_cooperative, method, _items, _topic, null, parameter);
    }

    private async Task LeaveWhileVoting()
    {
        var leaver = Pick(Active.Where(member => member != "m0").ToList());
        await Leave(leaver);
        _barred.Add(leaver);
        _voters.Remove(leaver);
        _happened.Add(LeftWhileVoting);
        if (Chance(0.7))
        {
            // Back as a new membership, which is not eligible: delegations to it reach no one who counts.
            await Join(leaver);
            _happened.Add(RejoinedAfterLeavingWhileVoting);
            await api.DelegateByDefault(_cooperative, Pick(Others(leaver)), leaver);
            await api.DelegateByDefault(_cooperative, leaver, Pick(Others(leaver)));
        }
    }

    /// <summary>A member who did not vote delegates on the decision to one who did, so that some weight travels a chain; returns that member.</summary>
    private async Task<string?> CarryOneWeightAlongAChain()
    {
        if (_voters.Count == 0)
        {
            await Cast(Pick(Active));
        }

        var voter = Pick(_voters.Order(StringComparer.Ordinal).ToList());
        var others = Active.Where(member => !_voters.Contains(member)).ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var member = Pick(others);
        await DelegateOnDecision(member, voter);
        return member;
    }

    private async Task MaybeDelegateInCooperative(string member, string? topic, double chance)
    {
        if (!Chance(chance))
        {
            return;
        }

        var to = Chance(0.3) ? null : Pick(Others(member));
        await (topic is null ? api.DelegateByDefault(_cooperative, member, to) : api.DelegateOnTopic(_cooperative, member, topic, to));
    }

    private async Task DelegateOnDecision(string member, string? to)
    {
        var path = _proposal ? Routes.ProposalDelegation(_cooperative, _decision, member) : PriorityRoutes.Delegation(_cooperative, _decision, member);
        await Expect.Ok(await api.Put(path, new { delegateId = to }));
    }

    private async Task Cast(string member)
    {
        await Expect.Ok(await api.Put(BallotPath(member), RandomBallots.For(random, method, _items, _parameter)));
        _voters.Add(member);
    }

    private async Task Leave(string member)
    {
        await Expect.NoContent(await api.Delete(Routes.Member(_cooperative, member)));
        _current.Remove(member);
    }

    private async Task Join(string member)
    {
        await api.AddMembers(_cooperative, member);
        _current.Add(member);
    }

    private List<string> Others(string member) => [.. _current.Where(other => other != member).Order(StringComparer.Ordinal)];

    /// <summary>Delegates the decision scope takes: current members who never left while it was voting.</summary>
    private List<string> OthersOnDecision(string member) => [.. Others(member).Where(other => !_barred.Contains(other))];

    private string BallotPath(string member) =>
        _proposal ? Routes.Vote(_cooperative, _decision, member) : PriorityRoutes.Ballot(_cooperative, _decision, member);

    private string Path(string action) =>
        $"{(_proposal ? Routes.Proposal(_cooperative, _decision) : PriorityRoutes.Poll(_cooperative, _decision))}/{action}";

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
