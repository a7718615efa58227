namespace Governance.Api.Tests.Infrastructure;

/// <summary>Base of every API test class: the shared API, and a client for it.</summary>
public abstract class ApiTest(ApiFactory factory)
{
    protected ApiFactory Factory => factory;

    protected GovernanceClient Api { get; } = factory.Client;
}
