namespace Governance.Api.Tests.Members;

[Collection(ApiCollection.Name)]
public sealed class ListMembersTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Seven = ["m1", "m2", "m3", "m4", "m5", "m6", "m7"];

    [Fact]
    public async Task Without_a_limit_one_page_holds_every_member_in_joining_order()
    {
        var cooperative = await Api.CreateCooperative(members: Seven);

        var page = await Api.GetJson(Routes.Members(cooperative));

        Expect.Fields(page, "items", "nextCursor");
        Assert.Equal(Seven, Expect.IdsOf(page.GetProperty("items")));
        Assert.All(page.GetProperty("items").EnumerateArray(), member => Expect.Fields(member, AddMemberTests.MemberFields));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 3)]
    [InlineData(7, 1)]
    [InlineData(200, 1)]
    public async Task Paging_returns_every_member_exactly_once(int limit, int pages)
    {
        var cooperative = await Api.CreateCooperative(members: Seven);

        var (items, taken) = await Api.ReadAllPages(Routes.Members(cooperative), limit);

        Assert.Equal(Seven, items.Select(item => item.GetProperty("id").GetString()));
        Assert.Equal(pages, taken);
    }

    [Fact]
    public async Task A_page_holds_at_most_limit_members_and_a_cursor_to_the_rest()
    {
        var cooperative = await Api.CreateCooperative(members: Seven);

        var first = await Api.GetJson(Routes.WithQuery(Routes.Members(cooperative), ("limit", "3")));
        var second = await Api.GetJson(Routes.WithQuery(Routes.Members(cooperative), ("limit", "3"), ("cursor", first.GetProperty("nextCursor").GetString())));

        Assert.Equal(["m1", "m2", "m3"], Expect.IdsOf(first.GetProperty("items")));
        Assert.Equal(["m4", "m5", "m6"], Expect.IdsOf(second.GetProperty("items")));
        Assert.NotEqual(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Removed_members_are_left_out_and_paging_still_returns_the_rest_exactly_once()
    {
        var cooperative = await Api.CreateCooperative(members: Seven);
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "m2")));
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "m5")));

        var (items, _) = await Api.ReadAllPages(Routes.Members(cooperative), limit: 2);

        Assert.Equal(["m1", "m3", "m4", "m6", "m7"], items.Select(item => item.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Members_who_join_between_pages_are_not_skipped_and_none_is_repeated()
    {
        var cooperative = await Api.CreateCooperative(members: ["m1", "m2", "m3"]);
        var first = await Api.GetJson(Routes.WithQuery(Routes.Members(cooperative), ("limit", "2")));
        await Api.AddMembers(cooperative, "m4");

        var rest = await Api.GetJson(Routes.WithQuery(Routes.Members(cooperative), ("limit", "2"), ("cursor", first.GetProperty("nextCursor").GetString())));

        Assert.Equal(["m1", "m2"], Expect.IdsOf(first.GetProperty("items")));
        Assert.Equal(["m3", "m4"], Expect.IdsOf(rest.GetProperty("items")));
    }

    [Fact]
    public async Task A_cursor_the_list_never_returned_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: Seven);

        var response = await Api.Get(Routes.WithQuery(Routes.Members(cooperative), ("cursor", "not-a-cursor")));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-cursor", "cursor");
    }

    [Fact]
    public async Task Listing_an_unknown_cooperative_is_a_404()
    {
        await Expect.Problem(await Api.Get(Routes.Members(Ids.New("nowhere"))), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
