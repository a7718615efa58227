using Governance.Contracts.Imports;
using Governance.Contracts.Members;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Cooperatives;

/// <summary>Imported people hear of their membership after the import replies, from the cooperative's log, and none is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersonIndexCatchUpTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_imported_person_lists_the_cooperative_once_the_catch_up_has_run()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var people = Enumerable.Range(0, 600).Select(i => $"{scenario.CooperativeId}-p{i:D3}").ToList();

        var result = await scenario.Cooperative.ImportMembers([.. people.Select((id, i) => new MemberImportLine(i + 2, id, null))], scenario.Founder);

        Assert.Equal(600, result.Added);
        foreach (var person in people)
        {
            Assert.Equal([scenario.CooperativeId], await WaitForMemberships(person, 1));
        }
    }

    [Fact]
    public async Task A_person_whose_update_failed_is_told_again_when_the_cooperative_next_activates()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var (failing, told) = ($"{scenario.CooperativeId}-ann", $"{scenario.CooperativeId}-ben");
        fixture.Store.FailNextAppend($"member/{failing}");

        await scenario.Cooperative.ImportMembers([new MemberImportLine(2, failing, "Ann"), new MemberImportLine(3, told, "Ben")], scenario.Founder);

        Assert.Equal([scenario.CooperativeId], await WaitForMemberships(told, 1));
        Assert.Empty((await Person(failing).Get()).Cooperatives);

        // The failed round left its work stored: a new activation resumes it from there.
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        await scenario.Cooperative.Get();
        Assert.Equal([scenario.CooperativeId], await WaitForMemberships(failing, 1));
        Assert.Equal("Ann", (await Person(failing).Get()).Name);
    }

    [Fact]
    public async Task A_person_removed_before_the_catch_up_ran_again_is_not_listed_again()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers();
        var (removed, failing) = ($"{scenario.CooperativeId}-cat", $"{scenario.CooperativeId}-dan");
        fixture.Store.FailNextAppend($"member/{failing}");
        await scenario.Cooperative.ImportMembers([new MemberImportLine(2, removed, null), new MemberImportLine(3, failing, null)], scenario.Founder);
        Assert.Equal([scenario.CooperativeId], await WaitForMemberships(removed, 1));

        await scenario.Cooperative.RemoveMember(removed, scenario.Founder);
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        await scenario.Cooperative.Get();

        // The second run reads the removed person's join again, and leaves them out.
        Assert.Equal([scenario.CooperativeId], await WaitForMemberships(failing, 1));
        Assert.Empty((await Person(removed).Get()).Cooperatives);
    }

    private IMemberGrain Person(string id) => fixture.Client.GetGrain<IMemberGrain>(id);

    private async Task<IReadOnlyList<string>> WaitForMemberships(string person, int count)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var memberships = (await Person(person).Get()).Cooperatives;
            if (memberships.Count >= count || DateTime.UtcNow > deadline)
            {
                return memberships;
            }

            await Task.Delay(20);
        }
    }
}
