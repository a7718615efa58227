using Governance.Contracts.Priorities;

namespace Governance.Api.Requests;

/// <summary>
/// A new priority poll. Only the chosen method's parameter may be given: maxScore (score, default 5), creditBudget
/// (quadratic, default 100) or pointBudget (dot, default 10). Without closesAt it closes only by request.
/// </summary>
/// <param name="Id">The poll's id: 1–64 letters, digits, '-', '_' or '.'; generated when left out.</param>
/// <param name="Title">What the poll decides, up to 200 characters.</param>
/// <param name="Body">A longer explanation, up to 20,000 characters; optional.</param>
/// <param name="Topic">One of the cooperative's topics, whose delegations then apply; optional.</param>
/// <param name="Method">How ballots are counted: schulze, borda, approval, score, quadratic or dot; required.</param>
/// <param name="Items">The items to rank, each with an id ballots name and a title; at least one.</param>
/// <param name="ClosesAt">When voting closes by itself; without it the poll closes only when an admin closes it.</param>
/// <param name="MaxScore">For score only: the highest score a ballot may give an item; 5 when left out.</param>
/// <param name="CreditBudget">For quadratic only: the credits each ballot may spend; 100 when left out.</param>
/// <param name="PointBudget">For dot only: the points each ballot may give in all; 10 when left out.</param>
public sealed record CreatePriorityPollRequest(
    string? Id,
    string Title,
    string? Body,
    string? Topic,
    PriorityMethod? Method,
    IReadOnlyList<PriorityItemView>? Items,
    DateTimeOffset? ClosesAt,
    int? MaxScore,
    int? CreditBudget,
    int? PointBudget);
