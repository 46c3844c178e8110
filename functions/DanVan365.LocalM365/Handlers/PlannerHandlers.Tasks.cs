using System.Globalization;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Planner tasks and task details: creating a task, applying a task's and its details' writes within the limits.</summary>
internal static partial class PlannerHandlers
{
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
        foreach (var name in new[] { "title", "orderHint", "assigneePriority", "startDateTime", "dueDateTime", "conversationThreadId",
            "priority" })
        {
            if (body.ContainsKey(name))
            {
                task[name] = name is "startDateTime" or "dueDateTime" && body[name] is JsonValue v && v.TryGetValue<string>(out var s)
                    ? GraphJson.Timestamp(DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                    : body[name]?.DeepClone();
            }
        }

        // planner-overview.md, "400 Bad request": "The data is logically inconsistent. For example, start date of task is
        // later than due date of the task." The stored pair is checked, so a PATCH of one end is checked against the other.
        if (task.Str("startDateTime") is { } start && task.Str("dueDateTime") is { } due
            && DateTimeOffset.Parse(start, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(due, CultureInfo.InvariantCulture))
        {
            throw GraphException.BadRequest("The task's start date is later than its due date.");
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

                var existing = current.Obj(key)
                    ?? new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerChecklistItem", ["isChecked"] = false };
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

}
