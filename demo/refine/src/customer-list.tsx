/**
 * Customers list: Refine's antd `useTable` pages, sorts and filters through the c360 data provider
 * (GET /customers with keyset cursors behind page numbers); the state lives in the address
 * (`syncWithLocation`), so a filtered page can be linked. Health and churn come from the 360
 * summaries of the rows on the page (`useMany`, one request per row, shared with the show page's
 * cache). A row click opens the show page; a new sort order goes back to page 1.
 * @module
 */
import { useGo, useList, useMany } from '@refinedev/core';
import { getDefaultSortOrder, List, useSelect, useTable } from '@refinedev/antd';
import { Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { CustomerSummary, TagSummary } from '@c360/sdk';
import type { Customer360Record } from '@c360/sdk/refine';
import { filterValue, searchFilters, type SearchValues } from './search-filters';

const HEALTH_COLOR = { excellent: 'green', good: 'cyan', fair: 'gold', poor: 'red' } as const;
const CHURN_COLOR = { low: 'green', medium: 'gold', high: 'red' } as const;
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];

const money = (value: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);

export function CustomerList() {
  const go = useGo();
  const { tableProps, searchFormProps, sorters, filters } = useTable<CustomerSummary, { message: string; statusCode: number }, SearchValues>({
    resource: 'customers',
    pagination: { pageSize: 10 },
    onSearch: searchFilters,
  });
  const ids = (tableProps.dataSource ?? []).map((c) => c.id);
  const { result: views } = useMany<Customer360Record>({ resource: 'customers', ids, queryOptions: { enabled: ids.length > 0 } });
  const viewOf = (id: string) => views.data?.find((v) => v.id === id);
  // A tag filter (from a tag link of the 360 view) carries the tag id; the chip shows its name.
  const tagFilter = filterValue(filters, 'tag');
  const { result: tags } = useList<TagSummary>({ resource: 'tags', pagination: { mode: 'off' }, queryOptions: { enabled: Boolean(tagFilter) } });
  const tagName = tags.data.find((t) => t.id === tagFilter)?.name ?? String(tagFilter);
  const { selectProps: segmentSelect } = useSelect({ resource: 'segments', optionLabel: 'name', optionValue: 'id', pagination: { mode: 'off' } });

  return (
    <List title="Customers">
      <Form
        {...searchFormProps}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ q: filterValue(filters, 'q'), tier: filterValue(filters, 'tier'), segment: filterValue(filters, 'segment'), tag: tagFilter }}
      >
        <Form.Item name="q">
          <Input.Search
            placeholder="Name, email, phone, order number or id"
            aria-label="Search customers"
            allowClear
            style={{ width: 340 }}
            onSearch={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
        <Form.Item name="segment">
          <Select {...segmentSelect} placeholder="Segment" aria-label="Segment" allowClear style={{ width: 200 }} onChange={() => searchFormProps.form?.submit()} />
        </Form.Item>
        <Form.Item name="tier">
          <Select
            placeholder="Loyalty tier"
            aria-label="Loyalty tier"
            allowClear
            style={{ width: 150 }}
            options={TIERS.map((t) => ({ value: t, label: t }))}
            onChange={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
        <Form.Item name="tag" hidden>
          <Input />
        </Form.Item>
        {tagFilter ? (
          <Form.Item>
            <Tag closable onClose={() => { searchFormProps.form?.setFieldValue('tag', undefined); searchFormProps.form?.submit(); }}>
              tag: {tagName}
            </Tag>
          </Form.Item>
        ) : null}
      </Form>
      <Table
        {...tableProps}
        rowKey="id"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => `${total} customers` }}
        // A new sort order starts again at the first page (the rows of page N change meaning).
        onChange={(pagination, tableFilters, sorter, extra) =>
          tableProps.onChange?.(extra.action === 'sort' ? { ...pagination, current: 1 } : pagination, tableFilters, sorter, extra)
        }
        onRow={(record) => ({ onClick: () => go({ to: { resource: 'customers', action: 'show', id: record.id } }), style: { cursor: 'pointer' } })}
      >
        <Table.Column<CustomerSummary>
          dataIndex="name"
          title="Name"
          sorter
          sortDirections={['ascend']}
          defaultSortOrder={getDefaultSortOrder('name', sorters)}
          render={(name: string, record) => (
            <Space direction="vertical" size={0}>
              <Typography.Link style={{ whiteSpace: 'nowrap' }}>{name}</Typography.Link>
              {record.matchedOrderNumber ? <Typography.Text type="secondary">order {record.matchedOrderNumber}</Typography.Text> : null}
            </Space>
          )}
        />
        <Table.Column<CustomerSummary> dataIndex="email" title="Email" />
        <Table.Column<CustomerSummary> dataIndex="country" title="Country" />
        <Table.Column<CustomerSummary>
          dataIndex="lifetimeValue"
          title="CLV"
          align="right"
          sorter
          sortDirections={['descend', 'ascend']}
          defaultSortOrder={getDefaultSortOrder('lifetimeValue', sorters)}
          render={(value: number, record) => money(value, record.currency)}
        />
        <Table.Column<CustomerSummary>
          dataIndex="totalOrders"
          title="Orders"
          align="right"
          sorter
          sortDirections={['descend']}
          defaultSortOrder={getDefaultSortOrder('totalOrders', sorters)}
        />
        <Table.Column<CustomerSummary>
          key="health"
          title="Health"
          render={(_, record) => {
            const health = viewOf(record.id)?.health;
            return health ? <Tag color={HEALTH_COLOR[health.level]}>{health.score} · {health.level}</Tag> : '…';
          }}
        />
        <Table.Column<CustomerSummary>
          key="churn"
          title="Churn risk"
          render={(_, record) => {
            const churn = viewOf(record.id)?.churn;
            return churn ? <Tag color={CHURN_COLOR[churn.level]}>{churn.level} ({churn.score})</Tag> : '…';
          }}
        />
      </Table>
    </List>
  );
}
