using Governance.Contracts.Errors;
using Governance.Contracts.Tasks;
using Governance.Grains.Tests.Cluster;
using TaskStatus = Governance.Contracts.Tasks.TaskStatus;

namespace Governance.Grains.Tests.Tasks;

[Collection(ClusterCollection.Name)]
public sealed class TaskBoardGrainTests(ClusterFixture fixture)
{
    /// <summary>People offer their time in every cooperative they join, so each test has people of its own.</summary>
    private readonly string _ann = $"ann-{Guid.NewGuid():N}";
    private readonly string _ben = $"ben-{Guid.NewGuid():N}";

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_persons_availability_reaches_the_boards_of_all_their_cooperatives()
    {
        var person = $"person-{Guid.NewGuid():N}";
        var first = await new Scenario(Client).WithMembers(_ann, person);
        var second = await new Scenario(Client).WithMembers(_ann, person);
        var firstTask = await first.CreateTask(Client, ["welding"]);
        var secondTask = await second.CreateTask(Client, ["welding"]);

        await Client.Offer(person, 10, "welding");

        Assert.Equal([((await firstTask.Get()).Id, person)], Pairs(await first.Board(Client).GetSuggestions()));
        Assert.Equal([((await secondTask.Get()).Id, person)], Pairs(await second.Board(Client).GetSuggestions()));
    }

    [Fact]
    public async Task Joining_brings_the_availability_along_and_leaving_takes_it_away()
    {
        var person = $"person-{Guid.NewGuid():N}";
        await Client.Offer(person, 10, "welding");
        var scenario = await new Scenario(Client).WithMembers(_ann);
        var task = await scenario.CreateTask(Client, ["welding"]);

        await scenario.Cooperative.AddMember(person, null, _ann);
        Assert.Equal([((await task.Get()).Id, person)], Pairs(await scenario.Board(Client).GetSuggestions()));

        await scenario.Cooperative.RemoveMember(person, _ann);
        Assert.Empty((await scenario.Board(Client).GetSuggestions()).Suggestions);
    }

    [Fact]
    public async Task Accepting_claims_the_task_and_declining_is_remembered()
    {
        var scenario = await new Scenario(Client).WithMembers(_ann, _ben);
        await Client.Offer(_ann, 10, "welding");
        await Client.Offer(_ben, 10, "welding");
        var first = await scenario.CreateTask(Client, ["welding"]);
        var second = await scenario.CreateTask(Client, ["welding"]);
        var firstId = (await first.Get()).Id;
        var secondId = (await second.Get()).Id;
        var board = scenario.Board(Client);
        var suggested = Pairs(await board.GetSuggestions()).ToDictionary(pair => pair.TaskId, pair => pair.MemberId);

        var claimed = await board.AcceptSuggestion(firstId, suggested[firstId]);
        await board.DeclineSuggestion(secondId, suggested[secondId]);

        Assert.Equal((TaskStatus.Claimed, suggested[firstId]), (claimed.Status, claimed.ClaimedBy));
        Assert.DoesNotContain((secondId, suggested[secondId]), Pairs(await board.GetSuggestions()));
        await fixture.Cluster.DeactivateAsync(board);
        Assert.DoesNotContain((secondId, suggested[secondId]), Pairs(await board.GetSuggestions()));
        Assert.Equal(TaskStatus.Open, (await second.Get()).Status);
    }

    [Fact]
    public async Task Only_the_suggested_member_may_accept()
    {
        var scenario = await new Scenario(Client).WithMembers(_ann, _ben);
        await Client.Offer(_ann, 10, "welding");
        var task = await scenario.CreateTask(Client, ["welding"]);
        var taskId = (await task.Get()).Id;

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => scenario.Board(Client).AcceptSuggestion(taskId, _ben));

        Assert.Equal((ErrorKind.Forbidden, "suggested-to-another"), (refused.Kind, refused.Code));
        Assert.Equal(TaskStatus.Open, (await task.Get()).Status);
    }

    [Fact]
    public async Task An_approved_review_credits_the_work_and_every_review_counts_for_the_reviewer()
    {
        var scenario = await new Scenario(Client).WithMembers(_ann, _ben);
        var task = await scenario.CreateTask(Client, effortHours: 6);
        await task.Claim(_ben);
        await task.Complete(_ben, null);
        await task.Review(_ann, false, "Not yet");
        await task.Complete(_ben, null);
        await task.Review(_ann, true, null);
        var board = scenario.Board(Client);

        await fixture.Cluster.DeactivateAsync(board);

        Assert.Equal(new ContributionView(_ben, 1, 6, 0), await board.GetContributions(_ben));
        Assert.Equal(new ContributionView(_ann, 0, 0, 2), await board.GetContributions(_ann));
    }

    private static List<(string TaskId, string MemberId)> Pairs(SuggestionsView suggestions) =>
        [.. suggestions.Suggestions.Select(suggestion => (suggestion.TaskId, suggestion.MemberId))];
}
