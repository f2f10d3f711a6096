using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Polly;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The data-protection key ring's Redis repository, run through the store's resilience pipeline like
/// every other Redis call. Reading the ring is repeatable; storing a new key is not (a repeated
/// push would list the key twice), so a failed store is reported rather than repeated.
/// </summary>
public sealed class ResilientXmlRepository(IXmlRepository inner, ResiliencePipeline pipeline) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Run(static repository => repository.GetAllElements(), repeatable: true);

    public void StoreElement(XElement element, string friendlyName) =>
        Run(repository => { repository.StoreElement(element, friendlyName); return true; }, repeatable: false);

    private T Run<T>(Func<IXmlRepository, T> call, bool repeatable)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(RedisResilience.Repeatable, repeatable);
        try
        {
            return pipeline.Execute(static (_, state) => state.call(state.inner), context, (call, inner));
        }
        catch (Exception ex) when (RedisResilience.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The data-protection key ring in Redis could not be reached.", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
