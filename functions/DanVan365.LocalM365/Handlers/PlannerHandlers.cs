using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>
/// Planner: plans in a group, plan details, buckets, tasks and task details. Every PATCH/DELETE needs If-Match and a
/// stale one gives 412 (https://learn.microsoft.com/en-us/graph/api/resources/planner-overview , "Planner resource
/// versioning" and "Common Planner error conditions"); limits answer 403 with the limit's name as the error code.
/// </summary>
internal static class PlannerHandlers
{
    // Limits (https://learn.microsoft.com/en-us/office/planner/planner-limits ; error codes from the planner-overview
    // page, "403 Forbidden": the code names the limit that was exceeded).
    public const int MaxAssigneesPerTask = 20;
    public const int MaxChecklistItemsPerTask = 20;
    public const int MaxReferencesPerTask = 10;
    public const int MaxBucketsPerPlan = 200;
    public const int MaxTasksPerPlan = 9000;

    public static void Register(Router router)
    {
        // https://learn.microsoft.com/en-us/graph/api/planner-post-plans (container: group, by url or containerId)
        router.Add("POST", "planner/plans", CreatePlan);

        // https://learn.microsoft.com/en-us/graph/api/plannergroup-list-plans
        router.Add("GET", "groups/{}/planner/plans", ctx =>
        {
            if (ctx.Store.Get("group", ctx[0]) is null)
            {
                throw GraphException.NotFound("Request_ResourceNotFound", $"Resource '{ctx[0]}' does not exist or one of its queried reference-property objects are not present.");
            }

            var plans = ctx.Store.Children("plan", ctx[0]).Select(p => (JsonNode)Present(p));
            return GraphResponse.Ok(ctx.Collection(plans, "Collection(microsoft.graph.plannerPlan)"));
        });
        router.Add("GET", "planner/plans/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "plan", ctx[0]))));
        router.Add("PATCH", "planner/plans/{}", ctx => Patch(ctx, "plan", ctx[0], (entity, body) =>
        {
            if (body.Str("title") is { } title)
            {
                entity["title"] = title;
            }
        }));
        router.Add("DELETE", "planner/plans/{}", ctx =>
        {
            var plan = Require(ctx, "plan", ctx[0]);
            CheckIfMatch(ctx, plan);
            foreach (var task in ctx.Store.Children("task", ctx[0]))
            {
                ctx.Store.Delete("taskDetails", task.Str("id")!);
                ctx.Store.Delete("task", task.Str("id")!);
            }

            foreach (var bucket in ctx.Store.Children("bucket", ctx[0]))
            {
                ctx.Store.Delete("bucket", bucket.Str("id")!);
            }

            ctx.Store.Delete("planDetails", ctx[0]);
            ctx.Store.Delete("plan", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/plannerplandetails-update (categoryDescriptions merge)
        router.Add("GET", "planner/plans/{}/details", ctx => GraphResponse.Ok(Present(Require(ctx, "planDetails", ctx[0]))));
        router.Add("PATCH", "planner/plans/{}/details", ctx => Patch(ctx, "planDetails", ctx[0], (entity, body) =>
        {
            Merge(entity, body, "categoryDescriptions", removeOnNull: false);
            Merge(entity, body, "sharedWith", removeOnNull: true);
        }));

        router.Add("GET", "planner/plans/{}/buckets", ctx =>
        {
            Require(ctx, "plan", ctx[0]);
            return GraphResponse.Ok(ctx.Collection(ctx.Store.Children("bucket", ctx[0]).Select(b => (JsonNode)Present(b)), "Collection(microsoft.graph.plannerBucket)"));
        });

        // https://learn.microsoft.com/en-us/graph/api/plannerplan-list-tasks (paged with @odata.nextLink)
        router.Add("GET", "planner/plans/{}/tasks", ctx =>
        {
            Require(ctx, "plan", ctx[0]);
            return Paged(ctx, ctx.Store.Children("task", ctx[0]));
        });

        // https://learn.microsoft.com/en-us/graph/api/planner-post-buckets
        router.Add("POST", "planner/buckets", ctx =>
        {
            var body = ctx.Request.JsonBody();
            var planId = body.Str("planId") ?? throw GraphException.BadRequest("planId is required.");
            Require(ctx, "plan", planId);
            if (ctx.Store.Children("bucket", planId).Count >= MaxBucketsPerPlan)
            {
                throw Limit("MaximumBucketsInProject", $"The plan already has the maximum number of buckets ({MaxBucketsPerPlan}).");
            }

            var id = Ids.PlannerId();
            var bucket = new JsonObject
            {
                ["id"] = id,
                ["name"] = body.Str("name") ?? throw GraphException.BadRequest("name is required."),
                ["planId"] = planId,
                ["orderHint"] = OrderHint(ctx, body.Str("orderHint")),
                ["_etag"] = NewETag(ctx),
            };
            ctx.Store.Put("bucket", id, planId, bucket);
            return GraphResponse.Created(Present(bucket));
        });
        router.Add("GET", "planner/buckets/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "bucket", ctx[0]))));
        router.Add("GET", "planner/buckets/{}/tasks", ctx =>
        {
            var bucket = Require(ctx, "bucket", ctx[0]);
            return Paged(ctx, ctx.Store.Children("task", bucket.Str("planId")!).Where(t => t.Str("bucketId") == ctx[0]).ToList());
        });
        router.Add("PATCH", "planner/buckets/{}", ctx => Patch(ctx, "bucket", ctx[0], (entity, body) =>
        {
            if (body.Str("name") is { } name)
            {
                entity["name"] = name;
            }

            if (body.Str("orderHint") is { } hint)
            {
                entity["orderHint"] = OrderHint(ctx, hint);
            }
        }));
        router.Add("DELETE", "planner/buckets/{}", ctx =>
        {
            var bucket = Require(ctx, "bucket", ctx[0]);
            CheckIfMatch(ctx, bucket);
            ctx.Store.Delete("bucket", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/planner-post-tasks
        router.Add("POST", "planner/tasks", CreateTask);
        router.Add("GET", "planner/tasks/{}", ctx => GraphResponse.Ok(Present(Require(ctx, "task", ctx[0]))));

        // https://learn.microsoft.com/en-us/graph/api/plannertask-update
        router.Add("PATCH", "planner/tasks/{}", ctx => Patch(ctx, "task", ctx[0], (task, body) => ApplyTask(ctx, task, body, creating: false)));

        // https://learn.microsoft.com/en-us/graph/api/plannertask-delete
        router.Add("DELETE", "planner/tasks/{}", ctx =>
        {
            var task = Require(ctx, "task", ctx[0]);
            CheckIfMatch(ctx, task);
            ctx.Store.Delete("taskDetails", ctx[0]);
            ctx.Store.Delete("task", ctx[0]);
            return GraphResponse.NoContent();
        });

        // https://learn.microsoft.com/en-us/graph/api/plannertaskdetails-update (description, checklist, references)
        router.Add("GET", "planner/tasks/{}/details", ctx => GraphResponse.Ok(Present(Require(ctx, "taskDetails", ctx[0]))));
        router.Add("PATCH", "planner/tasks/{}/details", ctx => Patch(ctx, "taskDetails", ctx[0], (details, body) => ApplyDetails(ctx, details, body)));
    }

    private static GraphResponse CreatePlan(OperationContext ctx)
    {
        var body = ctx.Request.JsonBody();
        var container = body.Obj("container");
        var groupId = container?.Str("containerId") ?? body.Str("owner");
        if (groupId is null && container?.Str("url") is { } url)
        {
            var marker = url.IndexOf("/groups/", StringComparison.OrdinalIgnoreCase);
            groupId = marker < 0 ? null : url[(marker + 8)..].Trim('/');
        }

        var type = container?.Str("type") ?? "group";
        if (groupId is null || !type.Equals("group", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.BadRequest("A plan needs a group container (container.url, or container.containerId with type 'group').");
        }

        if (ctx.Store.Get("group", groupId) is null)
        {
            throw new GraphException(HttpStatusCode.Forbidden, "Forbidden", "You do not have the required permissions to access this item, or the item may not exist.");
        }

        var id = Ids.PlannerId();
        var plan = new JsonObject
        {
            ["id"] = id,
            ["title"] = body.Str("title") ?? throw GraphException.BadRequest("title is required."),
            ["owner"] = groupId,
            ["createdDateTime"] = ctx.NowText,
            ["createdBy"] = Identity(),
            ["container"] = new JsonObject
            {
                ["containerId"] = groupId,
                ["type"] = "group",
                ["url"] = "https://graph.microsoft.com/v1.0/groups/" + groupId,
            },
            ["_etag"] = NewETag(ctx),
        };
        ctx.Store.Put("plan", id, groupId, plan);
        var categories = new JsonObject();
        for (var i = 1; i <= 25; i++)
        {
            categories["category" + i.ToString(CultureInfo.InvariantCulture)] = null;
        }

        ctx.Store.Put("planDetails", id, string.Empty, new JsonObject
        {
            ["id"] = id,
            ["sharedWith"] = new JsonObject(),
            ["categoryDescriptions"] = categories,
            ["_etag"] = NewETag(ctx),
        });
        return GraphResponse.Created(Present(plan));
    }

    private static GraphResponse CreateTask(OperationContext ctx)
    {
        var body = ctx.Request.JsonBody();
        var planId = body.Str("planId") ?? throw GraphException.BadRequest("planId is required.");
        Require(ctx, "plan", planId);
        if (ctx.Store.Children("task", planId).Count >= MaxTasksPerPlan)
        {
            throw Limit("MaximumTasksInProject", $"The plan already has the maximum number of tasks ({MaxTasksPerPlan}).");
        }

        var id = Ids.PlannerId();
        var task = new JsonObject
        {
            ["id"] = id,
            ["planId"] = planId,
            ["bucketId"] = null,
            ["title"] = null,
            ["orderHint"] = OrderHint(ctx, null),
            ["assigneePriority"] = string.Empty,
            ["percentComplete"] = 0,
            ["priority"] = 5,
            ["startDateTime"] = null,
            ["createdDateTime"] = ctx.NowText,
            ["dueDateTime"] = null,
            ["hasDescription"] = false,
            ["previewType"] = "automatic",
            ["completedDateTime"] = null,
            ["completedBy"] = null,
            ["referenceCount"] = 0,
            ["checklistItemCount"] = 0,
            ["activeChecklistItemCount"] = 0,
            ["conversationThreadId"] = null,
            ["createdBy"] = Identity(),
            ["appliedCategories"] = new JsonObject(),
            ["assignments"] = new JsonObject(),
        };
        ApplyTask(ctx, task, body, creating: true);
        if (task.Str("title") is null)
        {
            throw GraphException.BadRequest("title is required.");
        }

        task["_etag"] = NewETag(ctx);
        ctx.Store.Put("task", id, planId, task);
        ctx.Store.Put("taskDetails", id, string.Empty, new JsonObject
        {
            ["id"] = id,
            ["description"] = null,
            ["previewType"] = "automatic",
            ["references"] = new JsonObject(),
            ["checklist"] = new JsonObject(),
            ["_etag"] = NewETag(ctx),
        });
        return GraphResponse.Created(Present(task));
    }

    private static void ApplyTask(OperationContext ctx, JsonObject task, JsonObject body, bool creating)
    {
        foreach (var name in new[] { "title", "orderHint", "assigneePriority", "startDateTime", "dueDateTime", "conversationThreadId", "priority" })
        {
            if (body.ContainsKey(name))
            {
                task[name] = name is "startDateTime" or "dueDateTime" && body[name] is JsonValue v && v.TryGetValue<string>(out var s)
                    ? GraphJson.Timestamp(DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                    : body[name]?.DeepClone();
            }
        }

        if (body.Str("bucketId") is { } bucketId)
        {
            var bucket = ctx.Store.Get("bucket", bucketId);
            if (bucket is null || bucket.Str("planId") != task.Str("planId"))
            {
                throw GraphException.BadRequest("The bucket does not belong to the task's plan.");
            }

            task["bucketId"] = bucketId;
        }

        if (body["percentComplete"] is JsonValue pc)
        {
            var percent = pc.GetValue<int>();
            if (percent is < 0 or > 100)
            {
                throw GraphException.BadRequest("percentComplete must be between 0 and 100.");
            }

            task["percentComplete"] = percent;
            task["completedDateTime"] = percent == 100 ? task.Str("completedDateTime") ?? ctx.NowText : null;
            task["completedBy"] = percent == 100 ? Identity() : null;
        }

        // appliedCategories and assignments are open types: PATCH merges, null (or false) removes.
        Merge(task, body, "appliedCategories", removeOnNull: true, removeOnFalse: true);
        if (body.Obj("assignments") is { } assignments)
        {
            var current = task.Obj("assignments")!;
            foreach (var (userId, value) in assignments)
            {
                if (value is null)
                {
                    current.Remove(userId);
                    continue;
                }

                var assignment = ((JsonObject)value).CloneObj();
                assignment["@odata.type"] = "#microsoft.graph.plannerAssignment";
                assignment["orderHint"] = OrderHint(ctx, assignment.Str("orderHint"));
                assignment["assignedDateTime"] = ctx.NowText;
                assignment["assignedBy"] = Identity();
                current[userId] = assignment;
            }

            if (current.Count > MaxAssigneesPerTask)
            {
                throw Limit("MaximumAssigneesInTasks", $"A task can have at most {MaxAssigneesPerTask} assignees.");
            }
        }

        _ = creating;
    }

    private static void ApplyDetails(OperationContext ctx, JsonObject details, JsonObject body)
    {
        if (body.ContainsKey("description"))
        {
            details["description"] = body["description"]?.DeepClone();
        }

        if (body.Str("previewType") is { } preview)
        {
            details["previewType"] = preview;
        }

        if (body.Obj("checklist") is { } checklist)
        {
            var current = details.Obj("checklist")!;
            foreach (var (key, value) in checklist)
            {
                if (value is null)
                {
                    current.Remove(key);
                    continue;
                }

                var existing = current.Obj(key) ?? new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerChecklistItem", ["isChecked"] = false };
                foreach (var (k, v) in (JsonObject)value)
                {
                    existing[k] = k == "orderHint" ? OrderHint(ctx, v?.ToString()) : v?.DeepClone();
                }

                existing["@odata.type"] = "#microsoft.graph.plannerChecklistItem";
                existing["lastModifiedDateTime"] = ctx.NowText;
                existing["lastModifiedBy"] = Identity();
                existing["orderHint"] ??= OrderHint(ctx, null);
                current[key] = existing;
            }

            if (current.Count > MaxChecklistItemsPerTask)
            {
                throw Limit("MaximumChecklistItemsOnTask", $"A task can have at most {MaxChecklistItemsPerTask} checklist items.");
            }
        }

        if (body.Obj("references") is { } references)
        {
            var current = details.Obj("references")!;
            foreach (var (key, value) in references)
            {
                if (value is null)
                {
                    current.Remove(key);
                    continue;
                }

                var existing = current.Obj(key) ?? new JsonObject();
                foreach (var (k, v) in (JsonObject)value)
                {
                    existing[k] = v?.DeepClone();
                }

                existing["@odata.type"] = "#microsoft.graph.plannerExternalReference";
                existing["lastModifiedDateTime"] = ctx.NowText;
                existing["lastModifiedBy"] = Identity();
                current[key] = existing;
            }

            if (current.Count > MaxReferencesPerTask)
            {
                throw Limit("MaximumReferencesOnTask", $"A task can have at most {MaxReferencesPerTask} references.");
            }
        }

        // The task shows counts derived from its details; changing them changes the task (and its eTag).
        var task = ctx.Store.Get("task", details.Str("id")!)!;
        var items = details.Obj("checklist")!.Select(p => (JsonObject)p.Value!).ToList();
        task["checklistItemCount"] = items.Count;
        task["activeChecklistItemCount"] = items.Count(i => i["isChecked"] is not JsonValue c || !c.GetValue<bool>());
        task["referenceCount"] = details.Obj("references")!.Count;
        task["hasDescription"] = !string.IsNullOrEmpty(details.Str("description"));
        task["_etag"] = NewETag(ctx);
        ctx.Store.Put("task", task.Str("id")!, task.Str("planId")!, task);
    }

    private static GraphResponse Patch(OperationContext ctx, string kind, string id, Action<JsonObject, JsonObject> apply)
    {
        var entity = Require(ctx, kind, id);
        CheckIfMatch(ctx, entity);
        apply(entity, ctx.Request.JsonBody());
        entity["_etag"] = NewETag(ctx);
        var parent = kind switch
        {
            "task" => entity.Str("planId")!,
            "bucket" => entity.Str("planId")!,
            "plan" => entity.Str("owner")!,
            _ => string.Empty,
        };
        ctx.Store.Put(kind, id, parent, entity);

        // 204 unless the caller asks for the object with Prefer: return=representation (planner-overview, "Planner resource versioning").
        return ctx.PreferRepresentation ? new GraphResponse(200, Present(entity)) { IsWrite = true } : GraphResponse.NoContent();
    }

    private static void CheckIfMatch(OperationContext ctx, JsonObject entity)
    {
        var ifMatch = ctx.Request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "The If-Match header must be specified for this kind of request.");
        }

        if (ifMatch.Trim() != "*" && !ListHandlers.ETagEquals(ifMatch, entity.Str("_etag")!))
        {
            throw new GraphException(HttpStatusCode.PreconditionFailed, "resourceModified", "The request ETag value does not match the object's current ETag value. Read the object again and retry.");
        }
    }

    private static GraphResponse Paged(OperationContext ctx, List<JsonObject> tasks)
    {
        var top = ODataQuery.Top(ctx.Request, 100, 400);
        var skip = int.TryParse(ODataQuery.DecodeToken(ctx.Request.QueryValue("$skiptoken")), out var s) ? s : 0;
        var page = tasks.Skip(skip).Take(top).Select(t => (JsonNode)Present(t));
        var next = skip + top < tasks.Count
            ? ctx.SelfLink(new Dictionary<string, string?> { ["$skiptoken"] = ODataQuery.EncodeToken((skip + top).ToString(CultureInfo.InvariantCulture)), ["$top"] = top.ToString(CultureInfo.InvariantCulture) })
            : null;
        return GraphResponse.Ok(ctx.Collection(page, "Collection(microsoft.graph.plannerTask)", next));
    }

    private static JsonObject Require(OperationContext ctx, string kind, string id) =>
        ctx.Store.Get(kind, id) ?? throw GraphException.NotFound("NotFound", "The requested item is not found.");

    private static JsonObject Present(JsonObject entity)
    {
        var result = new JsonObject { ["@odata.etag"] = entity.Str("_etag") };
        foreach (var (k, v) in entity.Public())
        {
            result[k] = v?.DeepClone();
        }

        return result;
    }

    private static void Merge(JsonObject entity, JsonObject body, string property, bool removeOnNull, bool removeOnFalse = false)
    {
        if (body.Obj(property) is not { } patch)
        {
            return;
        }

        var current = entity.Obj(property) ?? new JsonObject();
        foreach (var (k, v) in patch)
        {
            if ((v is null && removeOnNull) || (removeOnFalse && v is JsonValue b && b.TryGetValue<bool>(out var flag) && !flag))
            {
                current.Remove(k);
            }
            else
            {
                current[k] = v?.DeepClone();
            }
        }

        entity[property] = current.DeepClone();
    }

    private static string NewETag(OperationContext ctx)
    {
        var n = ctx.Store.NextCounter("planner-etag");
        var text = "'" + n.ToString(CultureInfo.InvariantCulture) + "-Planner  @@@@@@@@@@@@@@@@'";
        return "W/\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\"";
    }

    /// <summary>Order hints: " !" (or none) asks the service for one; https://learn.microsoft.com/en-us/graph/planner-order-hint-format</summary>
    private static string OrderHint(OperationContext ctx, string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested) && requested.Trim() != "!")
        {
            return requested;
        }

        return "8585" + ctx.Store.NextCounter("orderhint").ToString("D9", CultureInfo.InvariantCulture);
    }

    private static GraphException Limit(string code, string message) => new(HttpStatusCode.Forbidden, code, message);

    private static JsonObject Identity() => new()
    {
        ["user"] = new JsonObject { ["id"] = Ids.FromName("app:danvan365"), ["displayName"] = "DanVan365 (local)" },
    };
}
