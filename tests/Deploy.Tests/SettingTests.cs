using Governance.Deploy.Tests.Manifests;
using Governance.Deploy.Tests.Settings;

namespace Governance.Deploy.Tests;

/// <summary>Every variable the manifests set reaches a setting the code reads, with a value of the right type.</summary>
public sealed class SettingTests
{
    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_env_var_the_manifests_set_is_read_by_the_code(string variant)
    {
        var problems = ClusterManifests.Of(variant).GovernanceContainers
            .SelectMany(container => container.Env.Select(variable => (container.Where, Name: variable.ScalarAt("name") ?? "")))
            .Select(variable => (variable.Where, variable.Name, SettingCatalog.Resolve(variable.Name).Problem))
            .Where(result => result.Problem is not null)
            .Select(result => $"{result.Where}: env {result.Name}: {result.Problem}");

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_config_map_and_secret_key_is_read_by_the_code(string variant)
    {
        var problems = ClusterManifests.Of(variant).ConfigSources
            .SelectMany(source => source.Entries.Keys.Select(key => (source.Document, Key: key, SettingCatalog.Resolve(key).Problem)))
            .Where(result => result.Problem is not null)
            .Select(result => $"{result.Document}: key {result.Key}: {result.Problem}");

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_config_map_and_secret_the_pods_refer_to_exists(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var sources = cluster.ConfigSources.ToDictionary(source => (source.Document.Kind, source.Name), source => source.Entries);
        var problems = new List<string>();
        foreach (var container in cluster.Containers)
        {
            foreach (var reference in container.EnvFrom)
            {
                foreach (var (kind, field) in new[] { ("ConfigMap", "configMapRef"), ("Secret", "secretRef") })
                {
                    if (reference.ScalarAt(field, "name") is { } name && !sources.ContainsKey((kind, name)))
                    {
                        problems.Add($"{container.Where}: envFrom {field} {name}: no {kind} of that name in {variant}");
                    }
                }
            }

            foreach (var variable in container.Env)
            {
                foreach (var (kind, field) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
                {
                    if (variable.MappingAt("valueFrom", field) is { } keyRef
                        && !(sources.TryGetValue((kind, keyRef.ScalarAt("name") ?? ""), out var entries) && entries.ContainsKey(keyRef.ScalarAt("key") ?? "")))
                    {
                        problems.Add($"{container.Where}: env {variable.ScalarAt("name")}: {kind} {keyRef.ScalarAt("name")} has no key {keyRef.ScalarAt("key")}");
                    }
                }
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_setting_value_converts_to_the_type_of_its_property(string variant)
    {
        var problems = new List<string>();
        foreach (var setting in LiteralSettings(ClusterManifests.Of(variant)))
        {
            var type = SettingCatalog.Resolve(setting.Name).Property?.PropertyType;
            if (type is null)
            {
                continue;
            }

            try
            {
                global::System.ComponentModel.TypeDescriptor.GetConverter(type).ConvertFromInvariantString(setting.Value!);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or OverflowException)
            {
                problems.Add($"{setting.Origin}: '{setting.Value}' is not a {type.Name}: {exception.Message}");
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Enum_settings_hold_a_name_the_enum_defines(string variant)
    {
        var problems = new List<string>();
        foreach (var setting in LiteralSettings(ClusterManifests.Of(variant)))
        {
            var type = SettingCatalog.Resolve(setting.Name).Property?.PropertyType;
            if (type is { IsEnum: true } && !Enum.GetNames(type).Contains(setting.Value, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{setting.Origin}: '{setting.Value}' is not one of {type.Name}'s {string.Join(", ", Enum.GetNames(type))}");
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silos_keep_state_in_blob_storage_and_the_api_is_their_client_through_the_same_membership(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var api = cluster.ContainerOf(ClusterManifests.ApiImage);
        var siloMembership = cluster.SettingsOf(silo).GetValueOrDefault("Orleans__MembershipProvider")?.Value;

        Assert.True(siloMembership is not null, $"{silo.Where}: Orleans__MembershipProvider is not set.");
        AssertSetting(cluster, silo, "Storage__Provider", "AzureBlob");
        AssertSetting(cluster, api, "Orleans__Mode", "Client");
        AssertSetting(cluster, api, "Orleans__MembershipProvider", siloMembership);
    }

    private static IEnumerable<Setting> LiteralSettings(ClusterManifests cluster) =>
        cluster.GovernanceContainers
            .SelectMany(container => cluster.SettingsOf(container).Values)
            .Where(setting => setting.Value is not null)
            .DistinctBy(setting => setting.Origin);

    private static void AssertSetting(ClusterManifests cluster, PodContainer container, string name, string expected) =>
        Assert.True(
            cluster.SettingsOf(container).TryGetValue(name, out var setting) && string.Equals(setting.Value, expected, StringComparison.OrdinalIgnoreCase),
            $"{container.Where}: {name} should be {expected}; it is {(setting is null ? "not set" : $"'{setting.Value}' ({setting.Origin})")}.");
}
